package io.nty.benchmarks.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.nty.examples.http.HttpResponses;
import io.nty.examples.http.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP hello server on Netty's native epoll transport with one event loop (accepting and
 * serving on the same thread): the second peer of {@code nty-examples http} in the side-by-side
 * benchmark. Same answers as the nty server ({@code GET /} is {@code Hello, World!}, 13 bytes),
 * the same 8 KiB head limit (431 beyond it, 400 for what does not decode) and idle timeout, with
 * Netty's own HTTP codec — written the way Netty's hello-world example is, flushing once per
 * read batch.
 *
 * <p>{@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar io.nty.benchmarks.http.NettyHttpServer --port 8082}.
 * Prints {@code listening on HOST:PORT} once ready; SIGINT/SIGTERM close it.
 */
public final class NettyHttpServer {

    private static final int IDLE_TIMEOUT_SECONDS = 60;

    private NettyHttpServer() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress address;
        try {
            address = PeerArgs.parse("NettyHttpServer", 8082, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Epoll.ensureAvailability(); // a clear error naming the cause when the native transport cannot load
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(EpollServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(
                                    new IdleStateHandler(IDLE_TIMEOUT_SECONDS, 0, 0) {
                                        @Override
                                        protected void channelIdle(ChannelHandlerContext ctx,
                                                IdleStateEvent evt) {
                                            ctx.close();
                                        }
                                    },
                                    new HttpServerCodec(HttpServer.DEFAULT_MAX_REQUEST_BYTES,
                                            HttpServer.DEFAULT_MAX_REQUEST_BYTES, HttpServer.DEFAULT_MAX_REQUEST_BYTES),
                                    new HelloHandler());
                        }
                    })
                    .bind(address).sync().channel();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
                System.out.println("stopped");
            }));
            System.out.println("listening on " + PeerArgs.format((InetSocketAddress) channel.localAddress())
                    + " (netty epoll, one event loop)");
            channel.closeFuture().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Answers each request; flushes once per batch of reads, so pipelined answers share a write. */
    private static final class HelloHandler extends SimpleChannelInboundHandler<HttpObject> {

        private static final ByteBuf HELLO = Unpooled.unreleasableBuffer(Unpooled.directBuffer(13)
                .writeBytes(HttpResponses.HELLO.getBytes(StandardCharsets.US_ASCII)));
        private static final ByteBuf NOT_FOUND = Unpooled.unreleasableBuffer(Unpooled.directBuffer(10)
                .writeBytes("not found\n".getBytes(StandardCharsets.US_ASCII)));

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest request)) {
                return; // the (empty) content of a GET: nothing to do
            }
            if (request.decoderResult().isFailure()) {
                HttpResponseStatus status = request.decoderResult().cause() instanceof TooLongFrameException
                        ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
                FullHttpResponse response = response(status, Unpooled.EMPTY_BUFFER);
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            boolean root = request.uri().equals("/");
            FullHttpResponse response;
            if (!request.method().equals(HttpMethod.GET)) {
                response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, Unpooled.EMPTY_BUFFER);
            } else {
                response = response(root ? HttpResponseStatus.OK : HttpResponseStatus.NOT_FOUND,
                        (root ? HELLO : NOT_FOUND).duplicate());
            }
            if (HttpUtil.isKeepAlive(request)) {
                ctx.write(response);
            } else {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a reset peer, typically
        }

        private static FullHttpResponse response(HttpResponseStatus status, ByteBuf body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            return r;
        }
    }
}
