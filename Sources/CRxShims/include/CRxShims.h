#ifndef C_RX_SHIMS_H
#define C_RX_SHIMS_H

/* Functions for the OpenSSL and nghttp2 API that C exposes only as macros, so Swift can call them.
 * Every shim is a one-line forward; keep logic on the Swift side. */

#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/cms.h>
#include <nghttp2/nghttp2.h>

int rx_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version);
int rx_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version);
long rx_ssl_ctx_set_mode(SSL_CTX *ctx, long mode);
long rx_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode);
int rx_ssl_set_tlsext_host_name(SSL *ssl, const char *name);
size_t rx_bio_pending(BIO *bio);
void rx_openssl_free(void *pointer);
int rx_sk_x509_num(const STACK_OF(X509) *stack);
X509 *rx_sk_x509_value(const STACK_OF(X509) *stack, int index);
void rx_sk_x509_free(STACK_OF(X509) *stack);
STACK_OF(X509) *rx_sk_x509_new_null(void);
int rx_sk_x509_push(STACK_OF(X509) *stack, X509 *cert);
long rx_ssl_session_reused(SSL *ssl);
int rx_nghttp2_version_num(void);

/* TLS wrapper (RxTransport/TLS): option bits built with the SSL_OP_BIT() function-like macro, and the
 * BIO_get_mem_data macro (pending bytes of a memory BIO without copying). */
uint64_t rx_ssl_op_no_renegotiation(void);
uint64_t rx_ssl_op_cipher_server_preference(void);
long rx_bio_get_mem_data(BIO *bio, char **data);

/* Prescription signatures (RxSignature): stacks that OpenSSL 3 exposes only through macros. */
void rx_sk_x509_pop_free(STACK_OF(X509) *stack);
int rx_sk_cms_signerinfo_num(STACK_OF(CMS_SignerInfo) *stack);
CMS_SignerInfo *rx_sk_cms_signerinfo_value(STACK_OF(CMS_SignerInfo) *stack, int index);

#endif
