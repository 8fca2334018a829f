#define _GNU_SOURCE
#include "CRxLinux.h"

#include <malloc.h>

int rx_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

int rx_malloc_trim(void) {
    return malloc_trim(0);
}
