// OpenSSL 3 libcrypto, as the ICAOCrypto module uses it.
//
// Only libcrypto is linked (no libssl): the chip protocol needs primitives, not TLS.
// The helpers below exist because OSSL_PARAM arrays and a few OpenSSL macros do not import
// into Swift cleanly; each one is a thin, allocation-free (or self-cleaning) wrapper.
#ifndef CCCD_COPENSSL_SHIM_H
#define CCCD_COPENSSL_SHIM_H

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

/// Initialises a CMAC context keyed with `key` over the block cipher `cipher` ("AES-128-CBC").
/// Returns 1 on success, like the EVP functions it wraps.
static inline int cccd_cmac_init(EVP_MAC_CTX *ctx, const unsigned char *key, size_t key_length,
                                 const char *cipher) {
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, (char *)cipher, 0);
    params[1] = OSSL_PARAM_construct_end();
    return EVP_MAC_init(ctx, key, key_length, params);
}

/// Domain parameters of a built-in finite-field group by name ("dh_1024_160", "dh_2048_224",
/// "dh_2048_256": the RFC 5114 groups PACE-DH uses), or NULL. The caller frees the key.
static inline EVP_PKEY *cccd_ffc_named_group(const char *group_name) {
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "DHX", NULL);
    if (ctx == NULL) return NULL;
    EVP_PKEY *parameters = NULL;
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)group_name, 0);
    params[1] = OSSL_PARAM_construct_end();
    if (EVP_PKEY_paramgen_init(ctx) != 1 || EVP_PKEY_CTX_set_params(ctx, params) != 1
        || EVP_PKEY_paramgen(ctx, &parameters) != 1) {
        EVP_PKEY_free(parameters);
        parameters = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    return parameters;
}

#endif
