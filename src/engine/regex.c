/*
 * regex.c: compiling, JIT-compiling and searching with the rule patterns.
 *
 * Why searches split a pattern at its top-level '|': PCRE2 skips ahead
 * cheaply only when it knows something every match must contain, a first
 * character or a "required" one.  A pattern of many alternatives (a due
 * date: "2025-03-01" | "Q3" | "end of sprint" | ...) has no such thing in
 * common, so PCRE2 tries every alternative at every byte of the text.
 * Each alternative alone usually has one, and searching for each in turn
 * was 2 to 10 times faster on the bench corpus.  The match reported is
 * the one the whole pattern finds: the leftmost start, and among
 * alternatives starting there the first.
 *
 * An anchored pattern, one that the rule entries try at each word, is
 * tried alternative by alternative too until it is JIT-compiled, but for
 * another reason: see match_anchored_alts.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"

/* Tries before a pattern is JIT-compiled (see bl_regex_match), at the
 * least... */
#define BL_JIT_AFTER 32

/* ...and for a large pattern, one try per this many bytes of what would
 * be JIT-compiled.  Compiling costs about 650 instructions per byte of
 * compiled pattern (13 M for the largest rule pattern, 19 KB), plus the
 * kernel's work mapping the code, while on the bench corpus a try run
 * JIT-compiled saves 10,000 to 20,000 over the interpreter.  So a pattern
 * waits until its interpreted tries have cost about what compiling it
 * would: never much more than the better choice in hindsight, and the
 * large patterns a check of many small files tries only some hundred
 * times are never compiled (the JIT thread's work on the bench corpus
 * fell from 118 M instructions to 46 M). */
#define BL_JIT_BYTES_PER_TRY 16

/* More alternatives than this are searched as one pattern. */
#define BL_MAX_ALTS 32

/* Skips the character class that opens at src[i]; returns the offset
 * just past it, or 0 when it does not close. */
static size_t
skip_class(const char *src, size_t i)
{
    size_t j = i + 1;

    if (src[j] == '^')
        j++;
    if (src[j] == ']')
        j++;    /* a ']' first is a literal */
    while (src[j] != '\0') {
        if (src[j] == '\\') {
            if (src[j + 1] == '\0')
                return 0;
            j += 2;
        } else if (src[j] == '[' && src[j + 1] == ':') {
            const char *end = strstr(src + j + 2, ":]");
            if (end == NULL)
                return 0;
            j = (size_t)(end - src) + 2;
        } else if (src[j] == ']') {
            return j + 1;
        } else {
            j++;
        }
    }
    return 0;
}

/* Looks at the group opening at src[i] ("(" then not "*"): returns 1 if
 * it is one a split may cross, 0 if not (a reference to another group, a
 * condition, extended syntax), and sets *p_setting when it is a bare
 * option setting such as "(?i)", which reaches to the end of its group. */
static int
group_is_splittable(const char *src, size_t i, int *p_setting)
{
    const char *p = src + i + 1;
    size_t k = 0;
    int x = 0;

    *p_setting = 0;
    if (*p != '?')
        return 1;
    p++;
    if (*p == 'R' || *p == '&' || *p == '(' || *p == '+' || *p == '#'
        || (*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0'
                                          && p[1] <= '9')
        || (*p == 'P' && (p[1] == '=' || p[1] == '>')))
        return 0;
    while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')
           || p[k] == '-' || p[k] == '^') {
        x |= p[k] == 'x';
        k++;
    }
    if (p[k] != ')' && p[k] != ':')
        return 1;   /* a named group, a lookaround, "(?:" */
    if (x)
        return 0;   /* '#' would start comments, which may hold a '|' */
    *p_setting = p[k] == ')';
    return 1;
}

size_t
bl_regex_split(const char *src, size_t *cut, size_t max)
{
    size_t i = 0, n = 0;
    int depth = 0, setting;

    while (src[i] != '\0') {
        char c = src[i];
        if (c == '\\') {
            char d = src[i + 1];
            if (d == '\0' || (d >= '1' && d <= '9') || d == 'g' || d == 'k'
                || d == 'Q')
                return 0;
            i += 2;
        } else if (c == '[') {
            if ((i = skip_class(src, i)) == 0)
                return 0;
        } else if (c == '(') {
            if (src[i + 1] == '*' || !group_is_splittable(src, i, &setting)
                || (setting && depth == 0))
                return 0;
            if (!setting)
                depth++;
            i += src[i + 1] == '?' ? 2 : 1;
            if (setting)
                i = (size_t)(strchr(src + i, ')') - src) + 1;
        } else if (c == ')') {
            if (--depth < 0)
                return 0;
            i++;
        } else {
            if (c == '|' && depth == 0) {
                if (n == max)
                    return 0;
                cut[n++] = i;
            }
            i++;
        }
    }
    return depth == 0 ? n : 0;
}

static void
free_alts(bl_regex *re)
{
    size_t k;

    for (k = 0; k < re->n_alts; k++)
        pcre2_code_free(re->alts[k]);
    free(re->alts);
    free(re->alt_first);
    re->alts = NULL;
    re->alt_first = NULL;
    re->n_alts = 0;
}

/* Does the JIT compile re whole, or else its alternatives?  An anchored
 * pattern's alternatives save the interpreter's time, not the JIT's (see
 * match_anchored_alts). */
static int
is_jit_whole(const bl_regex *re)
{
    return re->n_alts == 0 || re->anchored;
}

static pcre2_code *
compile(const char *src, size_t len, int anchored)
{
    int code;
    PCRE2_SIZE off;

    return pcre2_compile((PCRE2_SPTR)src, len,
                         BL_PCRE2_OPTIONS | (anchored ? PCRE2_ANCHORED : 0),
                         &code, &off, NULL);
}

/* Compiles re's alternatives, when it is searched for and splits; a
 * failure leaves it whole, which is only slower. */
static void
compile_alts(bl_regex *re)
{
    size_t cut[BL_MAX_ALTS], n = bl_regex_split(re->src, cut, BL_MAX_ALTS);
    size_t k, from = 0;

    if ((re->anchored && !re->is_split_anchored) || n == 0
        || (re->alts = calloc(n + 1, sizeof *re->alts)) == NULL)
        return;
    for (k = 0; k <= n; k++) {
        size_t to = k < n ? cut[k] : strlen(re->src);
        re->alts[k] = compile(re->src + from, to - from, re->anchored);
        re->n_alts = k + 1;
        if (re->alts[k] == NULL) {
            free_alts(re);
            return;
        }
        from = to + 1;
    }
}

/* Decodes what rulegen serialized: the whole pattern, then its
 * alternatives.  Returns 0, or -1 when this PCRE2 refuses it (another
 * version than the build's). */
static int
decode(bl_regex *re)
{
    int32_t n = pcre2_serialize_get_number_of_codes(re->precompiled);
    pcre2_code **codes;

    if (n < 1 || (codes = calloc((size_t)n, sizeof *codes)) == NULL)
        return -1;
    if (pcre2_serialize_decode(codes, n, re->precompiled, NULL) != n) {
        free(codes);
        return -1;
    }
    re->code = codes[0];
    if (n > 1 && re->anchored && !re->is_split_anchored) {
        /* Another regex's form, split; this one is tried whole. */
        while (n > 1)
            pcre2_code_free(codes[--n]);
    }
    if (n > 1) {
        memmove(codes, codes + 1, (size_t)(n - 1) * sizeof *codes);
        re->alts = codes;
        re->n_alts = (size_t)(n - 1);
    } else {
        free(codes);
    }
    return 0;
}

/* How many tries re waits before it is JIT-compiled: see
 * BL_JIT_BYTES_PER_TRY. */
static unsigned
jit_after(const bl_regex *re)
{
    size_t bytes = 0, size, k;

    if (is_jit_whole(re)) {
        if (pcre2_pattern_info(re->code, PCRE2_INFO_SIZE, &bytes) != 0)
            bytes = 0;
    } else {
        for (k = 0; k < re->n_alts; k++)
            if (pcre2_pattern_info(re->alts[k], PCRE2_INFO_SIZE, &size) == 0)
                bytes += size;
    }
    bytes /= BL_JIT_BYTES_PER_TRY;
    return bytes > BL_JIT_AFTER ? (unsigned)bytes : BL_JIT_AFTER;
}

/* Notes the bytes each of anchored re's alternatives may start with;
 * out of memory, re is tried whole, which is only slower. */
static void
note_alt_firsts(bl_regex *re)
{
    size_t k;

    if ((re->alt_first = calloc(re->n_alts, sizeof *re->alt_first)) == NULL) {
        free_alts(re);
        return;
    }
    for (k = 0; k < re->n_alts; k++)
        if (pcre2_pattern_info(re->alts[k], PCRE2_INFO_FIRSTBITMAP,
                               &re->alt_first[k]) != 0)
            re->alt_first[k] = NULL;
    if (pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &re->captures)
        != 0)
        free_alts(re);
}

pcre2_code *
bl_regex_get(bl_regex *re)
{
    if (re->code != NULL || re->failed || re->src == NULL)
        return re->code;
    if (re->precompiled == NULL || decode(re) < 0) {
        re->code = compile(re->src, PCRE2_ZERO_TERMINATED, re->anchored);
        if (re->code != NULL)
            compile_alts(re);
    }
    if (re->code == NULL) {
        re->failed = 1;
        return NULL;
    }
    if (pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTBITMAP, &re->first)
        != 0)
        re->first = NULL;
    if (re->anchored && re->n_alts > 0)
        note_alt_firsts(re);
    re->jit_after = jit_after(re);
    return re->code;
}

/* --- JIT compilation on a helper thread ----------------------------------
 *
 * JIT-compiling the thirty-odd patterns a check of the bench corpus tries
 * often takes about 16 ms, as long as md4c takes to parse the whole
 * corpus, and on the check's own thread it delayed the check by all of
 * that.  So a pattern that reaches its jit_after tries is handed to a
 * helper thread, which JIT-compiles copies of its compiled forms while the
 * check goes on with PCRE2's interpreter; the first try after the copies are
 * ready runs them.  The copies have the same groups and name table, so
 * what a match reports does not depend on which ran.
 *
 * The helper touches only its job, never the bl_regex, which stays the
 * property of the thread that uses it: the queue is all the lock guards,
 * and `done`, stored after the copies are compiled, publishes them.
 */
typedef struct bl_jit_job {
    struct bl_jit_job *next;    /* in the queue */
    pcre2_code *code;           /* the whole pattern's copy, or NULL */
    pcre2_code **alts;          /* or its alternatives' copies */
    size_t n_alts;
    atomic_int done;
} bl_jit_job;

static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t jit_queued = PTHREAD_COND_INITIALIZER;
static pthread_cond_t jit_finished = PTHREAD_COND_INITIALIZER;
static bl_jit_job *jit_head, *jit_tail;
static bl_jit_job *jit_running;     /* being compiled, outside the lock */
static pthread_t jit_thread;
static int jit_started;     /* 1 running, -1 could not start: compile inline */
static int jit_quit;

/* JIT-compiles what a search runs: the whole pattern (code, when not
 * NULL) or its alternatives. */
static void
jit_compile_forms(pcre2_code *code, pcre2_code *const *alts, size_t n_alts)
{
    size_t k;

    if (code != NULL)
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    for (k = 0; k < n_alts; k++)
        pcre2_jit_compile(alts[k], PCRE2_JIT_COMPLETE);
}

static void
jit_compile_job(bl_jit_job *job)
{
    jit_compile_forms(job->code, job->alts, job->n_alts);
    atomic_store_explicit(&job->done, 1, memory_order_release);
}

static void *
jit_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&jit_lock);
    for (;;) {
        bl_jit_job *job;
        while (jit_head == NULL && !jit_quit)
            pthread_cond_wait(&jit_queued, &jit_lock);
        if (jit_quit)
            break;
        job = jit_head;
        jit_head = job->next;
        if (jit_head == NULL)
            jit_tail = NULL;
        jit_running = job;
        pthread_mutex_unlock(&jit_lock);
        jit_compile_job(job);
        pthread_mutex_lock(&jit_lock);
        jit_running = NULL;
        pthread_cond_broadcast(&jit_finished);
    }
    pthread_mutex_unlock(&jit_lock);
    return NULL;
}

/* At exit: jobs still queued belong to patterns nobody freed; they are
 * left uncompiled, and the helper is joined so no thread outlives main
 * (valgrind would report the thread's own memory). */
static void
jit_stop(void)
{
    int started;

    pthread_mutex_lock(&jit_lock);
    started = jit_started == 1;
    jit_quit = 1;
    pthread_cond_signal(&jit_queued);
    pthread_cond_broadcast(&jit_finished);  /* jobs left will never be */
    pthread_mutex_unlock(&jit_lock);
    if (started)
        pthread_join(jit_thread, NULL);
}

/* Starts the helper on first need; called with the lock held.  Returns 0,
 * or -1 when no thread can be had (then patterns compile inline).
 * Building with -DBL_JIT_INLINE never starts it: the work a check does
 * is then the same from run to run, which is what instruction counts
 * under callgrind need (README, Performance). */
static int
jit_start(void)
{
#ifdef BL_JIT_INLINE
    jit_started = -1;
#endif
    if (jit_started == 0)
        jit_started = atexit(jit_stop) == 0
                      && pthread_create(&jit_thread, NULL, jit_main, NULL) == 0
                      ? 1 : -1;
    return jit_started == 1 ? 0 : -1;
}

static void
job_free(bl_jit_job *job)
{
    size_t k;

    pcre2_code_free(job->code);
    for (k = 0; k < job->n_alts; k++)
        pcre2_code_free(job->alts[k]);
    free(job->alts);
    free(job);
}

/* Copies re's compiled forms into a new job; NULL when memory runs out. */
static bl_jit_job *
job_new(const bl_regex *re)
{
    bl_jit_job *job = calloc(1, sizeof *job);
    size_t k;

    if (job == NULL)
        return NULL;
    atomic_init(&job->done, 0);
    if (is_jit_whole(re)) {
        if ((job->code = pcre2_code_copy(re->code)) == NULL)
            goto fail;
        return job;
    }
    if ((job->alts = calloc(re->n_alts, sizeof *job->alts)) == NULL)
        goto fail;
    for (k = 0; k < re->n_alts; k++, job->n_alts++)
        if ((job->alts[k] = pcre2_code_copy(re->alts[k])) == NULL)
            goto fail;
    return job;
fail:
    job_free(job);
    return NULL;
}

/* Hands re to the helper; compiles it here when there is none. */
static void
jit_later(bl_regex *re)
{
    bl_jit_job *job = job_new(re);

    if (job == NULL)
        return;     /* it stays interpreted, which is only slower */
    pthread_mutex_lock(&jit_lock);
    if (jit_start() < 0) {
        pthread_mutex_unlock(&jit_lock);
        jit_compile_job(job);
        re->jit = job;
        return;
    }
    if (jit_tail != NULL)
        jit_tail->next = job;
    else
        jit_head = job;
    jit_tail = job;
    pthread_cond_signal(&jit_queued);
    pthread_mutex_unlock(&jit_lock);
    re->jit = job;
}

/* re's JIT-compiled copies, once the helper has finished them. */
static const bl_jit_job *
jit_ready(const bl_regex *re)
{
    return re->jit != NULL
           && atomic_load_explicit(&re->jit->done, memory_order_acquire)
           ? re->jit : NULL;
}

/* Takes re's job off the queue, or waits for the helper to finish it,
 * then frees it. */
static void
jit_cancel(bl_regex *re)
{
    bl_jit_job *job = re->jit, **p;

    if (job == NULL)
        return;
    pthread_mutex_lock(&jit_lock);
    for (p = &jit_head; *p != NULL; p = &(*p)->next) {
        if (*p == job) {
            *p = job->next;
            if (jit_tail == job) {
                bl_jit_job *last = jit_head;
                while (last != NULL && last->next != NULL)
                    last = last->next;
                jit_tail = last;
            }
            break;
        }
    }
    while (jit_running == job)
        pthread_cond_wait(&jit_finished, &jit_lock);
    pthread_mutex_unlock(&jit_lock);
    job_free(job);
    re->jit = NULL;
}

int
bl_regex_jit_wait(bl_regex *re)
{
    if (re->jit == NULL)
        return 0;
    pthread_mutex_lock(&jit_lock);
    while (!atomic_load_explicit(&re->jit->done, memory_order_acquire)
           && !jit_quit)
        pthread_cond_wait(&jit_finished, &jit_lock);
    pthread_mutex_unlock(&jit_lock);
    return atomic_load_explicit(&re->jit->done, memory_order_acquire);
}

void
bl_regex_jit(bl_regex *re)
{
    if (bl_regex_get(re) == NULL || re->uses > re->jit_after
        || re->jit != NULL)
        return;
    re->uses = re->jit_after + 1;
    re->is_jit_compiled = 1;
    if (is_jit_whole(re))
        jit_compile_forms(re->code, NULL, 0);
    else
        jit_compile_forms(NULL, re->alts, re->n_alts);
}

/* pcre2_match, the same whether or not code is JIT-compiled yet: when
 * the JIT runs out of its stack, which the interpreter does not use, the
 * interpreter decides.  Which of the two runs a try depends on when the
 * helper thread finished, and findings must not. */
static int
try_match(const pcre2_code *code, const char *subject, size_t len,
          size_t start, pcre2_match_data *md)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, start,
                         BL_PCRE2_MATCH_OPTIONS, md, NULL);

    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(code, (PCRE2_SPTR)subject, len, start,
                         BL_PCRE2_MATCH_OPTIONS | PCRE2_NO_JIT, md, NULL);
    return rc;
}

/* Searches with each alternative of re and keeps the leftmost match;
 * among matches that start at the same place, the earlier alternative's,
 * as PCRE2 would choose running the whole pattern. */
static int
match_alts(bl_regex *re, pcre2_code *const *alts, const char *subject,
           size_t len, size_t start, pcre2_match_data *md)
{
    size_t k, best_at = (size_t)-1;
    int best = -1, last = -1, best_rc = PCRE2_ERROR_NOMATCH, error = 0;

    for (k = 0; k < re->n_alts; k++) {
        int rc = try_match(alts[k], subject, len, start, md);
        last = (int)k;
        if (rc >= 0) {
            /* Where the attempt began, which \K can put before ov[0]. */
            size_t at = pcre2_get_startchar(md);
            if (at < best_at) {
                best = (int)k;
                best_at = at;
                best_rc = rc;
                if (at <= start)
                    break;  /* nothing can start sooner */
            }
        } else if (rc != PCRE2_ERROR_NOMATCH && error == 0) {
            error = rc;
        }
    }
    if (best < 0)
        return error != 0 ? error : PCRE2_ERROR_NOMATCH;
    /* The match data describes the last attempt; make it the winner's. */
    if (last != best)
        best_rc = try_match(alts[best], subject, len, start, md);
    re->hit = alts[best];
    return best_rc;
}

/* Tries anchored re's alternatives in turn at start, where the first
 * that matches is what the whole pattern finds: from one starting point
 * PCRE2 tries an alternation in order, and gives up on the first error
 * as this does.  Its interpreter walks into every alternative of the
 * whole, though, and here one that cannot start with the byte at start
 * costs a bit test: the learning pattern of common.rules, six
 * alternatives that each need a capitalised name or a comma somewhere,
 * costs half as much a try.  JIT-compiled code, for which a call costs
 * more than an alternative, runs the whole. */
static int
match_anchored_alts(bl_regex *re, const char *subject, size_t len,
                    size_t start, pcre2_match_data *md)
{
    unsigned char c = start < len ? (unsigned char)subject[start] : 0;
    size_t k;

    for (k = 0; k < re->n_alts; k++) {
        const uint8_t *first = re->alt_first[k];
        int rc;
        if (first != NULL && start < len
            && !(first[c / 8] & (1u << (c % 8))))
            continue;
        rc = try_match(re->alts[k], subject, len, start, md);
        if (rc != PCRE2_ERROR_NOMATCH) {
            re->hit = re->alts[k];
            return rc;
        }
    }
    return PCRE2_ERROR_NOMATCH;
}

int
bl_regex_match(bl_regex *re, const char *subject, size_t len, size_t start,
               pcre2_match_data *md)
{
    pcre2_code *code = bl_regex_get(re);
    const bl_jit_job *jit;

    if (code == NULL)
        return PCRE2_ERROR_NOMATCH;
    /* JIT pays for itself only on patterns that run often: a one-file
     * check should not spend 40 ms compiling patterns it tries a few
     * times, while a long document tries some thousands of times. */
    if (++re->uses == re->jit_after && re->jit == NULL)
        jit_later(re);
    if ((jit = jit_ready(re)) != NULL && jit->code != NULL)
        code = jit->code;
    else if (re->anchored && re->n_alts > 0 && !re->is_jit_compiled
             && pcre2_get_ovector_count(md) > re->captures)
        return match_anchored_alts(re, subject, len, start, md);
    if (!is_jit_whole(re))
        return match_alts(re, jit != NULL ? jit->alts : re->alts, subject,
                          len, start, md);
    re->hit = code;
    return try_match(code, subject, len, start, md);
}

const pcre2_code *
bl_regex_hit(const bl_regex *re)
{
    return re->hit != NULL ? re->hit : re->code;
}

void
bl_regex_free(bl_regex *re)
{
    jit_cancel(re);
    free(re->src);
    pcre2_code_free(re->code);
    free_alts(re);
}

int
bl_regex_serialize(bl_regex *re, uint8_t **p_bytes, size_t *p_size)
{
    const pcre2_code **codes;
    PCRE2_SIZE size;
    size_t k;
    int rc;

    if (bl_regex_get(re) == NULL
        || (codes = malloc((re->n_alts + 1) * sizeof *codes)) == NULL)
        return -1;
    codes[0] = re->code;
    for (k = 0; k < re->n_alts; k++)
        codes[k + 1] = re->alts[k];
    rc = pcre2_serialize_encode(codes, (int32_t)(re->n_alts + 1), p_bytes,
                                &size, NULL);
    free(codes);
    *p_size = size;
    return rc == (int)(re->n_alts + 1) ? 0 : -1;
}
