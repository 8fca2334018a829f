#include "CRxShims.h"

int rx_ssl_ctx_set_min_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_min_proto_version(ctx, version); }
int rx_ssl_ctx_set_max_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_max_proto_version(ctx, version); }
long rx_ssl_ctx_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
long rx_ssl_ctx_set_session_cache_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_session_cache_mode(ctx, mode); }
int rx_ssl_set_tlsext_host_name(SSL *ssl, const char *name) { return (int)SSL_set_tlsext_host_name(ssl, name); }
size_t rx_bio_pending(BIO *bio) { return (size_t)BIO_pending(bio); }
void rx_openssl_free(void *pointer) { OPENSSL_free(pointer); }
int rx_sk_x509_num(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
X509 *rx_sk_x509_value(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
void rx_sk_x509_free(STACK_OF(X509) *stack) { sk_X509_free(stack); }
STACK_OF(X509) *rx_sk_x509_new_null(void) { return sk_X509_new_null(); }
int rx_sk_x509_push(STACK_OF(X509) *stack, X509 *cert) { return sk_X509_push(stack, cert); }
long rx_ssl_session_reused(SSL *ssl) { return SSL_session_reused(ssl); }
int rx_nghttp2_version_num(void) { return NGHTTP2_VERSION_NUM; }
uint64_t rx_ssl_op_no_renegotiation(void) { return SSL_OP_NO_RENEGOTIATION; }
uint64_t rx_ssl_op_cipher_server_preference(void) { return SSL_OP_CIPHER_SERVER_PREFERENCE; }
long rx_bio_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
void rx_sk_x509_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }
int rx_sk_cms_signerinfo_num(STACK_OF(CMS_SignerInfo) *stack) { return sk_CMS_SignerInfo_num(stack); }
CMS_SignerInfo *rx_sk_cms_signerinfo_value(STACK_OF(CMS_SignerInfo) *stack, int index) { return sk_CMS_SignerInfo_value(stack, index); }
