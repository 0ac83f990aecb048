/**
 * The {@code chat} example: a line-based chat server on one scheduler thread, a reader and a
 * writer coroutine per member joined by a bounded {@link io.nty.sync.Channel}, and a stated
 * slow-consumer policy (a member whose queue is full is dropped, see
 * {@link io.nty.examples.chat.ChatServer}).
 */
package io.nty.examples.chat;
