#ifndef C_RX_LINUX_H
#define C_RX_LINUX_H

/* Linux system headers that Swift's Glibc module does not export (epoll, eventfd). */

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

/* accept4 is a GNU extension that Glibc's Swift module hides without _GNU_SOURCE. */
int rx_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);

/* glibc's malloc_trim (malloc.h is not in Glibc's Swift module): returns free heap pages to the
 * kernel; 1 when memory was released. */
int rx_malloc_trim(void);

#endif
