// OpenSSL 3 libcrypto, as the ICAOCrypto module uses it.
//
// Only libcrypto is linked (no libssl): the chip protocol needs primitives, not TLS.
// The helpers below exist because OSSL_PARAM arrays and a few OpenSSL macros do not import
// into Swift cleanly; each one is a thin, allocation-free (or self-cleaning) wrapper.
#ifndef CCCD_COPENSSL_SHIM_H
#define CCCD_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/params.h>
#include <openssl/pem.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <string.h>

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

// MARK: PKI helpers for CardVerification (Passive Authentication, trust store)
//
// OpenSSL's STACK_OF accessors and BIO_get_mem_data are macros, which Swift cannot call.

static inline int cccd_x509_stack_count(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
static inline X509 *cccd_x509_stack_value(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
static inline int cccd_signer_info_count(STACK_OF(CMS_SignerInfo) *stack) { return sk_CMS_SignerInfo_num(stack); }
static inline CMS_SignerInfo *cccd_signer_info_value(STACK_OF(CMS_SignerInfo) *stack, int index) {
    return sk_CMS_SignerInfo_value(stack, index);
}

/// X509_NAME_print_ex flags: RFC 2253 order and escaping, ", " between parts, UTF-8 kept readable.
static inline unsigned long cccd_name_print_flags(void) {
    return (XN_FLAG_RFC2253 & ~XN_FLAG_SEP_MASK & ~ASN1_STRFLGS_ESC_MSB) | XN_FLAG_SEP_CPLUS_SPC;
}

/// The bytes written to a memory BIO so far (not NUL-terminated).
static inline long cccd_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

/// The signingTime attribute of a SignerInfo: 1 and `*time` set when present and a time,
/// 0 when absent, -1 when present but not a UTCTime/GeneralizedTime.
static inline int cccd_signer_signing_time(CMS_SignerInfo *signer, const ASN1_TIME **time) {
    int index = CMS_signed_get_attr_by_NID(signer, NID_pkcs9_signingTime, -1);
    if (index < 0) return 0;
    X509_ATTRIBUTE *attribute = CMS_signed_get_attr(signer, index);
    ASN1_TYPE *value = attribute == NULL ? NULL : X509_ATTRIBUTE_get0_type(attribute, 0);
    if (value == NULL || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME)) return -1;
    *time = value->value.utctime;
    return 1;
}

/// The NID of an EC key's curve, also when the key carries explicit parameters (matched against
/// OpenSSL's built-in named curves); NID_undef when the parameters match no named curve.
/// `*explicit_parameters` is set to 1 when the key's encoding names no curve.
static inline int cccd_ec_curve_nid(const EVP_PKEY *key, int *explicit_parameters) {
    char encoding[32] = {0};
    size_t length = 0;
    *explicit_parameters = EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_EC_ENCODING, encoding,
                                                          sizeof encoding, &length) == 1
        && strcmp(encoding, OSSL_PKEY_EC_ENCODING_EXPLICIT) == 0;
    char name[80] = {0};
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &length) == 1) {
        int nid = OBJ_sn2nid(name);
        if (nid != NID_undef) return nid;
    }
    OSSL_PARAM *params = NULL;
    if (EVP_PKEY_todata(key, EVP_PKEY_KEY_PARAMETERS, &params) != 1) return NID_undef;
    EC_GROUP *group = EC_GROUP_new_from_params(params, NULL, NULL);
    OSSL_PARAM_free(params);
    if (group == NULL) return NID_undef;
    int nid = EC_GROUP_check_named_curve(group, 0, NULL);
    EC_GROUP_free(group);
    return nid > 0 ? nid : NID_undef;
}

#endif
