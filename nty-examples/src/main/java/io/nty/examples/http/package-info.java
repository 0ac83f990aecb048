/**
 * HTTP/1.1 keep-alive "Hello, World!" over the socket hooks: a bounded request parser
 * ({@link io.nty.examples.http.HttpRequestParser}), the fixed responses, the request/answer loop
 * shared with the benchmark peers ({@link io.nty.examples.http.HttpExchange}), and the connection
 * handler. Every buffer is bounded per connection; bad requests get 400/413/431/501 and a close.
 */
package io.nty.examples.http;
