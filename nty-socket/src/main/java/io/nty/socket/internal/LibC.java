package io.nty.socket.internal;

import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc functions nty-socket calls, bound through jnr-ffi, with the Linux constants they take.
 *
 * <p>Not API: the public surface is {@code io.nty.socket}. Every function saves {@code errno}
 * ({@link SaveError}); read it with {@link NativeLibC#errno()} right after a call returns -1, on
 * the same thread. Constants are the Linux values, identical on x86_64 and aarch64.
 */
@SaveError
public interface LibC {

    // --- address families, socket types, protocols ---
    int AF_INET = 2;
    int AF_INET6 = 10;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SOCK_NONBLOCK = 0x800;
    int SOCK_CLOEXEC = 0x80000;
    int IPPROTO_TCP = 6;
    int IPPROTO_UDP = 17;
    int IPPROTO_IPV6 = 41;
    int IPPROTO_IP = 0;

    // --- socket options ---
    int SOL_SOCKET = 1;
    int SO_REUSEADDR = 2;
    int SO_ERROR = 4;
    int SO_SNDBUF = 7;
    int SO_RCVBUF = 8;
    int SO_KEEPALIVE = 9;
    int SO_LINGER = 13;
    int SO_REUSEPORT = 15;
    int TCP_NODELAY = 1;
    int IPV6_V6ONLY = 26;
    int SO_OOBINLINE = 10;
    int IP_TOS = 1;
    int IPV6_TCLASS = 67;

    // --- ioctl: bytes queued for reading (java.net's available()) ---
    long FIONREAD = 0x541B;

    // --- send/recv flags, shutdown ---
    int MSG_NOSIGNAL = 0x4000;
    int SHUT_RD = 0;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;

    // --- fcntl ---
    int F_GETFL = 3;
    int F_SETFL = 4;
    int O_NONBLOCK = 0x800;

    // --- poll(2) ---
    short POLLIN = 0x001;
    short POLLOUT = 0x004;
    short POLLERR = 0x008;
    short POLLHUP = 0x010;
    short POLLNVAL = 0x020;

    // --- epoll ---
    int EPOLL_CLOEXEC = 0x80000;
    int EPOLL_CTL_ADD = 1;
    int EPOLL_CTL_DEL = 2;
    int EPOLL_CTL_MOD = 3;
    int EPOLLIN = 0x001;
    int EPOLLOUT = 0x004;
    int EPOLLERR = 0x008;
    int EPOLLHUP = 0x010;
    int EPOLLONESHOT = 1 << 30;

    // --- eventfd ---
    int EFD_NONBLOCK = 0x800;
    int EFD_CLOEXEC = 0x80000;

    // --- errno values the hooks branch on (the rest are only named, see ErrnoException) ---
    int ENOENT = 2;
    int EINTR = 4;
    int EBADF = 9;
    int EAGAIN = 11;
    int EEXIST = 17;
    int EINVAL = 22;
    int ECONNABORTED = 103;
    int EINPROGRESS = 115;

    int epoll_create1(int flags);

    int epoll_ctl(int epfd, int op, int fd, Pointer event);

    int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

    int eventfd(int initval, int flags);

    @ssize_t long read(int fd, Pointer buf, @size_t long count);

    @ssize_t long write(int fd, Pointer buf, @size_t long count);

    int close(int fd);

    int fcntl(int fd, int cmd, int arg);

    int poll(@In @Out int[] pollfd, long nfds, int timeout);

    int socket(int domain, int type, int protocol);

    int bind(int fd, @In byte[] addr, int addrlen);

    int listen(int fd, int backlog);

    int accept4(int fd, @Out byte[] addr, @In @Out int[] addrlen, int flags);

    int connect(int fd, @In byte[] addr, int addrlen);

    @ssize_t long recv(int fd, @Out ByteBuffer buf, @size_t long len, int flags);

    @ssize_t long send(int fd, @In ByteBuffer buf, @size_t long len, int flags);

    @ssize_t long recvfrom(int fd, @Out ByteBuffer buf, @size_t long len, int flags,
            @Out byte[] addr, @In @Out int[] addrlen);

    @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags,
            @In byte[] addr, int addrlen);

    int shutdown(int fd, int how);

    int setsockopt(int fd, int level, int optname, @In int[] optval, int optlen);

    int getsockopt(int fd, int level, int optname, @Out int[] optval, @In @Out int[] optlen);

    int getsockname(int fd, @Out byte[] addr, @In @Out int[] addrlen);

    int getpeername(int fd, @Out byte[] addr, @In @Out int[] addrlen);

    int ioctl(int fd, long request, @Out int[] arg);
}
