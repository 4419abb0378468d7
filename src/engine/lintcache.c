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
memo_free(bl_unit_memo *m)
{
    if (m == NULL)
        return;
    size_t i;

    for (i = 0; i < BL_MEMO_CONTEXTS; i++) {
        findings_clear(&m->findings[i]);
        BL_VEC_FREE(&m->findings[i].found);
    }
    BL_VEC_FREE(&m->slots);
    free(m->stamp);
    free(m->stamp_src);
    free(m->opening);
    BL_VEC_FREE(&m->names);
    BL_VEC_FREE(&m->sentences);
    BL_VEC_FREE(&m->cands);
    free(m->text);
    free(m);
}

static void
drop_all(bl_lint_cache *c)
{
    size_t i;

    for (i = 0; i < c->cap; i++)
        memo_free(c->slots[i]);
    free(c->slots);
    c->slots = NULL;
    c->cap = c->n = 0;
}

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
    drop_all(c);
    free(c->profile);
    free(c);
}

void
bl_lint_cache_reset(bl_lint_cache *c)
{
    drop_all(c);
    c->rules = NULL;
}

int
bl_lint_cache_begin(bl_lint_cache *c, const bl_rules *rules,
                    const char *profile)
{
    if (c->rules != rules || c->rules_version != rules->version
        || c->profile == NULL || strcmp(c->profile, profile) != 0) {
        drop_all(c);
        free(c->profile);
        if ((c->profile = bl_strndup(profile, strlen(profile))) == NULL)
            return -1;
        c->rules = rules;
        c->rules_version = rules->version;
    }
    c->run++;
    return 0;
}

/* Puts m into slots (cap a power of two, with room). */
static void
place(bl_unit_memo **slots, size_t cap, bl_unit_memo *m)
{
    size_t i = (size_t)m->hash & (cap - 1);

    while (slots[i] != NULL)
        i = (i + 1) & (cap - 1);
    slots[i] = m;
}

/* Rebuilds the table at cap slots, keeping the memos keep() accepts. */
static int
rebuild(bl_lint_cache *c, size_t cap, int only_this_run)
{
    bl_unit_memo **slots = calloc(cap, sizeof *slots);
    size_t i, n = 0;

    if (slots == NULL)
        return -1;
    for (i = 0; i < c->cap; i++) {
        bl_unit_memo *m = c->slots[i];
        if (m == NULL)
            continue;
        if (only_this_run && m->last_run != c->run) {
            memo_free(m);
            continue;
        }
        place(slots, cap, m);
        n++;
    }
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    c->n = n;
    return 0;
}

bl_unit_memo *
bl_lint_cache_unit(bl_lint_cache *c, const char *text, size_t len)
{
    uint64_t h = bl_hash_bytes(text, len, 0);
    bl_unit_memo *m;
    size_t i;

    if (c->cap > 0) {
        for (i = (size_t)h & (c->cap - 1); (m = c->slots[i]) != NULL;
             i = (i + 1) & (c->cap - 1)) {
            if (m->hash == h && m->len == len
                && memcmp(m->text, text, len) == 0) {
                m->last_run = c->run;
                return m;
            }
        }
    }
    /* Kept at most half full, so probes stay short. */
    if ((c->n + 1) * 2 > c->cap
        && rebuild(c, c->cap ? c->cap * 2 : 256, 0) < 0)
        return NULL;
    if ((m = calloc(1, sizeof *m)) == NULL)
        return NULL;
    if ((m->text = malloc(len + 1)) == NULL) {
        free(m);
        return NULL;
    }
    memcpy(m->text, text, len);
    m->text[len] = '\0';
    m->len = len;
    m->hash = h;
    m->last_run = c->run;
    place(c->slots, c->cap, m);
    c->n++;
    return m;
}

void
bl_lint_cache_end(bl_lint_cache *c)
{
    size_t cap = 256;

    while (cap < c->n * 2)
        cap *= 2;
    /* Out of memory here only means the old memos stay until next time. */
    (void)rebuild(c, cap, 1);
}
