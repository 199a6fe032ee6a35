// The floor under `muster ledger verify` on one register, for `scripts/bench --only verify`: the
// work no verifier of that register can skip, done in C with nothing else.
//
//   verify-floor REGISTER.sqlite
//
// It reads the rows verify reads, with the same SQLite settings (a memory map, a 64 MiB page
// cache), each column with one call (verify makes at least as many): the ledger's six columns,
// the people rows' columns verify compares, the key store's ids. And it computes the hashes verify
// computes: each entry's leaf hash (SHA-256 of 0x00 and the entry) and one tree node per entry
// (SHA-256 of 0x01 and 64 bytes: a tree of n leaves has n - 1 nodes). It checks nothing,
// builds nothing and keeps nothing. It prints the CPU seconds of each part, one thread's:
//
//   entries N bytes B ledger-read S leaf-hashes S node-hashes S people-read S keys-read S (X)
//
// (X is a byte of what was read and hashed, printed so that no part can be optimised away.)
// The SHA256_* calls are the ones Muster makes (see Sources/CSHA256): deprecated in OpenSSL 3
// for EVP, which costs more per short message, and the one-shot SHA256() goes through EVP.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_seconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void fail(sqlite3 *db, const char *what) {
    fprintf(stderr, "verify-floor: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

// Steps `sql` to its end, reading every column of every row as verify does: `kinds` has a
// letter per column, `i` for an integer, `b` for a blob or text (its pointer and length), each
// read with the one call verify makes for it. Returns the sum of what it read, so that the
// compiler cannot leave any of it out.
static unsigned long long read_all(sqlite3 *db, const char *sql, const char *kinds) {
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) fail(db, sql);
    int columns = (int)strlen(kinds);
    if (sqlite3_column_count(statement) != columns) fail(db, "a letter for each column");
    unsigned long long sum = 0;
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < columns; i++) {
            if (kinds[i] == 'i') {
                sum += (unsigned long long)sqlite3_column_int64(statement, i);
            } else {
                sum += (unsigned long long)(size_t)sqlite3_column_blob(statement, i);
                sum += (unsigned long long)sqlite3_column_bytes(statement, i);
            }
        }
    }
    if (code != SQLITE_DONE) fail(db, sql);
    sqlite3_finalize(statement);
    return sum;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: verify-floor REGISTER.sqlite\n");
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) fail(db, argv[1]);
    sqlite3_exec(db, "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536", NULL, NULL, NULL);
    // One snapshot for every read, as verify's reads of one register.
    if (sqlite3_exec(db, "BEGIN; SELECT 1 FROM ledger LIMIT 1", NULL, NULL, NULL) != SQLITE_OK) fail(db, "begin");

    // The ledger's rows, read as verify reads them; the entries are hashed in a pass of their
    // own, so that the two parts are timed apart.
    double start = cpu_seconds();
    unsigned long long sum = read_all(db, "SELECT seq, entry, hash, kind, time, subject FROM ledger ORDER BY seq", "ibbiib");
    double ledger_read = cpu_seconds() - start;

    // The entries, copied out untimed (verify hashes them where SQLite lends them), then hashed.
    sqlite3_stmt *entries;
    const char *sql = "SELECT entry FROM ledger ORDER BY seq";
    if (sqlite3_prepare_v2(db, sql, -1, &entries, NULL) != SQLITE_OK) fail(db, sql);
    size_t capacity = 1 << 20, count = 0, bytes = 0, slots = 1 << 16;
    unsigned char *held = malloc(capacity);
    size_t *ends = malloc(slots * sizeof *ends);
    while (sqlite3_step(entries) == SQLITE_ROW) {
        size_t size = (size_t)sqlite3_column_bytes(entries, 0);
        while (bytes + size > capacity) held = realloc(held, capacity *= 2);
        if (count == slots) ends = realloc(ends, (slots *= 2) * sizeof *ends);
        if (held == NULL || ends == NULL) fail(db, "out of memory");
        memcpy(held + bytes, sqlite3_column_blob(entries, 0), size);
        bytes += size;
        ends[count++] = bytes;
    }
    sqlite3_finalize(entries);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    const unsigned char leaf_prefix = 0;
    start = cpu_seconds();
    for (size_t i = 0, from = 0; i < count; from = ends[i++]) {
        SHA256_CTX context;
        SHA256_Init(&context);
        SHA256_Update(&context, &leaf_prefix, 1);
        SHA256_Update(&context, held + from, ends[i] - from);
        SHA256_Final(digest, &context);
        sum += digest[0];
    }
    double leaf_hashes = cpu_seconds() - start;
    free(held);
    free(ends);

    // One node per entry: 0x01 and two 32-byte children.
    unsigned char node[65] = {1};
    start = cpu_seconds();
    for (size_t i = 1; i < count; i++) {
        memcpy(node + 1, digest, sizeof digest);
        SHA256_CTX context;
        SHA256_Init(&context);
        SHA256_Update(&context, node, sizeof node);
        SHA256_Final(digest, &context);
    }
    double node_hashes = cpu_seconds() - start;
    sum += digest[0];

    start = cpu_seconds();
    sum += read_all(db,
        "SELECT id, number, category, status, status_since, continuous_since, join_date, region, constituency, branch,"
        " union_name, dues_pence, dues_frequency, payment_method, consent_email, consent_phone, consent_post, consent_sms,"
        " consent_updated_at, updated_at, identity, erased_at, version FROM people ORDER BY rowid",
        "bbbbiiibbbbibbiiiiiibii");
    double people_read = cpu_seconds() - start;

    start = cpu_seconds();
    sum += read_all(db, "SELECT id FROM data_keys ORDER BY id", "b");
    double keys_read = cpu_seconds() - start;

    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    printf("entries %zu bytes %zu ledger-read %.3f leaf-hashes %.3f node-hashes %.3f people-read %.3f keys-read %.3f (%llu)\n",
        count, bytes, ledger_read, leaf_hashes, node_hashes, people_read, keys_read, sum & 0xff);
    return 0;
}
