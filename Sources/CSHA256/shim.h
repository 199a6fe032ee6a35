// OpenSSL's SHA-256 (libcrypto, Debian's libssl-dev), called with its context on the stack.
//
// The ledger hashes millions of short messages (an entry of about 180 bytes, a 65-byte node),
// where swift-crypto's SHA256 allocates, zeroes and frees a context object per hash: that
// doubled the cost of each hash (measured in `ledger verify`). The low-level functions are
// deprecated in OpenSSL 3 in favour of EVP, which costs a fifth more per short message here.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>

/// SHA-256(`prefix` || `data[0..<count]`) into `out` (32 bytes).
static inline void muster_sha256_prefixed(unsigned char prefix, const void *data, size_t count, unsigned char *out) {
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, &prefix, 1);
    SHA256_Update(&context, data, count);
    SHA256_Final(out, &context);
}
