/*
 * lintcache.c: the memos a document's lint runs share (see lintcache.h).
 */
#include <stdlib.h>
#include <string.h>

#include "lintcache.h"
#include "vec.h"

uint64_t
bl_hash_bytes(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = seed ^ (0x9E3779B97F4A7C15ull * (n + 1)), w;

    while (n >= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

static void
findings_clear(bl_memo_findings *f)
{
    size_t i;

    for (i = 0; i < f->found.n; i++) {
        free(f->found.items[i].message);
        free(f->found.items[i].fix);
    }
    f->found.n = 0;
    f->valid = 0;
}

bl_memo_findings *
bl_unit_memo_findings(bl_unit_memo *m, uint64_t context, int *p_hit)
{
    bl_memo_findings *f;
    size_t i;

    for (i = 0; i < BL_MEMO_CONTEXTS; i++)
        if (m->findings[i].valid && m->findings[i].context == context) {
            *p_hit = 1;
            return &m->findings[i];
        }
    f = &m->findings[m->next_findings++ % BL_MEMO_CONTEXTS];
    findings_clear(f);
    f->context = context;
    *p_hit = 0;
    return f;
}

static void
memo_free(bl_memo_key *k)
{
    bl_unit_memo *m = (bl_unit_memo *)k;
    size_t i;

    if (m == NULL)
        return;
    for (i = 0; i < BL_MEMO_CONTEXTS; i++) {
        findings_clear(&m->findings[i]);
        BL_VEC_FREE(&m->findings[i].found);
    }
    BL_VEC_FREE(&m->names);
    BL_VEC_FREE(&m->sentences);
    BL_VEC_FREE(&m->cands);
    BL_VEC_FREE(&m->slots);
    free(m->stamp);
    free(m->stamp_src);
    free(m->opening);
    free(m->key.text);
    free(m);
}

static void
chunk_free(bl_memo_key *k)
{
    bl_chunk_memo *c = (bl_chunk_memo *)k;

    if (c == NULL)
        return;
    bl_parse_chunk_free(&c->chunk);
    free(c->key.text);
    free(c);
}

/* --- The table ----------------------------------------------------------- */

/* Puts k into slots (cap a power of two, with room). */
static void
place(bl_memo_key **slots, size_t cap, bl_memo_key *k)
{
    size_t i = (size_t)k->hash & (cap - 1);

    while (slots[i] != NULL)
        i = (i + 1) & (cap - 1);
    slots[i] = k;
}

/* Rebuilds t at cap slots; with free_fn, drops (and frees) the memos run
 * did not use. */
static int
rebuild(bl_memo_table *t, size_t cap, unsigned run,
        void (*free_fn)(bl_memo_key *))
{
    bl_memo_key **slots = calloc(cap, sizeof *slots);
    size_t i, n = 0;

    if (slots == NULL)
        return -1;
    for (i = 0; i < t->cap; i++) {
        bl_memo_key *k = t->slots[i];
        if (k == NULL)
            continue;
        if (free_fn != NULL && k->last_run != run) {
            free_fn(k);
            continue;
        }
        place(slots, cap, k);
        n++;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    t->n = n;
    return 0;
}

static void
table_free(bl_memo_table *t, void (*free_fn)(bl_memo_key *))
{
    size_t i;

    for (i = 0; i < t->cap; i++)
        if (t->slots[i] != NULL)
            free_fn(t->slots[i]);
    free(t->slots);
    t->slots = NULL;
    t->cap = t->n = 0;
}

/* The memo of text in t, marked used by run; else a new zeroed one of
 * size bytes (a struct that starts with its bl_memo_key) put there.  NULL
 * when out of memory. */
static bl_memo_key *
table_get(bl_memo_table *t, const char *text, size_t len, unsigned run,
          size_t size)
{
    uint64_t h = bl_hash_bytes(text, len, 0);
    bl_memo_key *k;
    size_t i;

    if (t->cap > 0) {
        for (i = (size_t)h & (t->cap - 1); (k = t->slots[i]) != NULL;
             i = (i + 1) & (t->cap - 1)) {
            if (k->hash == h && k->len == len
                && memcmp(k->text, text, len) == 0) {
                k->last_run = run;
                return k;
            }
        }
    }
    if ((t->n + 1) * 2 > t->cap
        && rebuild(t, t->cap ? t->cap * 2 : 256, run, NULL) < 0)
        return NULL;
    if ((k = calloc(1, size)) == NULL)
        return NULL;
    if ((k->text = malloc(len + 1)) == NULL) {
        free(k);
        return NULL;
    }
    if (len > 0)
        memcpy(k->text, text, len);
    k->text[len] = '\0';
    k->len = len;
    k->hash = h;
    k->last_run = run;
    place(t->slots, t->cap, k);
    t->n++;
    return k;
}

/* Drops the memos run did not use, and shrinks t to fit. */
static void
table_sweep(bl_memo_table *t, unsigned run, void (*free_fn)(bl_memo_key *))
{
    size_t cap = 256;

    while (cap < t->n * 2)
        cap *= 2;
    /* Out of memory here only means the old memos stay until next time. */
    (void)rebuild(t, cap, run, free_fn);
}

/* --- The cache ----------------------------------------------------------- */

bl_lint_cache *
bl_lint_cache_new(void)
{
    return calloc(1, sizeof(bl_lint_cache));
}

void
bl_lint_cache_free(bl_lint_cache *c)
{
    if (c == NULL)
        return;
    table_free(&c->units, memo_free);
    table_free(&c->chunks, chunk_free);
    free(c->profile);
    free(c);
}

void
bl_lint_cache_reset(bl_lint_cache *c)
{
    table_free(&c->units, memo_free);
    c->rules_version = 0;
}

int
bl_lint_cache_begin(bl_lint_cache *c, const bl_rules *rules,
                    const char *profile)
{
    if (c->rules_version != rules->version
        || c->profile == NULL || strcmp(c->profile, profile) != 0) {
        table_free(&c->units, memo_free);
        free(c->profile);
        if ((c->profile = bl_strndup(profile, strlen(profile))) == NULL)
            return -1;
        c->rules_version = rules->version;
    }
    c->run++;
    return 0;
}

bl_unit_memo *
bl_lint_cache_unit(bl_lint_cache *c, const char *text, size_t len)
{
    return (bl_unit_memo *)table_get(&c->units, text, len, c->run,
                                     sizeof(bl_unit_memo));
}

void
bl_lint_cache_end(bl_lint_cache *c)
{
    table_sweep(&c->units, c->run, memo_free);
}

/* --- Parsing in chunks --------------------------------------------------- */

static bl_parse_chunk *
chunk_of(void *cache, const char *src, size_t len)
{
    bl_lint_cache *c = cache;
    bl_chunk_memo *m = (bl_chunk_memo *)table_get(&c->chunks, src, len,
                                                  c->parse_run,
                                                  sizeof(bl_chunk_memo));

    return m != NULL ? &m->chunk : NULL;
}

bl_doc *
bl_doc_parse_cached(const char *src, size_t len, bl_lint_cache *cache)
{
    bl_doc *doc;

    if (cache == NULL)
        return bl_doc_parse(src, len);
    cache->parse_run++;
    doc = bl_doc_parse_chunks(src, len, chunk_of, cache);
    if (doc == NULL)
        table_free(&cache->chunks, chunk_free);  /* may be half recorded */
    else
        table_sweep(&cache->chunks, cache->parse_run, chunk_free);
    return doc;
}
