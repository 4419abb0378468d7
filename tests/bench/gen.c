/*
 * gen.c - deterministic generator of realistic postmortem Markdown for the
 * blamelint benchmark.
 *
 *   gen DIR N          write N postmortems (~5 KB each) into DIR
 *   gen --one FILE MB  write one archive document of about MB megabytes
 *                      (1 MB = 1,000,000 bytes), made of many incidents
 *
 * Output depends only on the arguments: the PRNG has a fixed seed and every
 * incident is seeded from its index, so the benchmark inputs are identical
 * on every machine and every run (and file i is the same whatever N is).
 *
 * The text mixes the structures a real postmortem has (headings, timeline
 * bullets with times, tables, fenced code, inline code, links, task lists,
 * a numbered five-whys list) with mostly neutral prose and, about once in
 * fifteen sentences, blame-oriented language, so the linter does the same
 * work it would do on real documents: many spans, few findings.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Fixed seed: changing it changes every benchmark input. */
#define BASE_SEED 0x626c616d656c696eULL /* "blamelin" */
#define WRAP_COLUMN 80
/* One blame sentence per this many sentences, as the issue asks. */
#define BLAME_ONE_IN 15

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64. Small, fast, and identical on every platform.     */

typedef struct {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n); the modulo bias is irrelevant for n this small. */
static unsigned rng_below(Rng *r, unsigned n)
{
    return (unsigned)(rng_next(r) % n);
}

static unsigned rng_range(Rng *r, unsigned lo, unsigned hi)
{
    return lo + rng_below(r, hi - lo + 1);
}

static int rng_one_in(Rng *r, unsigned n)
{
    return rng_below(r, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Growable output buffer: an incident is built in memory, then written. */

typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void die(const char *what)
{
    fprintf(stderr, "gen: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void buf_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void buf_put(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("vsnprintf");
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void buf_free(Buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Vocabulary. These tables are constant data, not mutable state. A word
 * may itself contain {slots}; they are expanded recursively.           */

static const char *const SERVICES[] = {
    "payments-api", "checkout", "search-indexer", "auth-gateway",
    "notification-worker", "ledger", "inventory-sync", "image-resizer",
    "billing-cron", "session-store", "feature-flags", "edge-proxy",
    "order-router", "recommendations", "email-dispatcher", "geo-lookup",
    "rate-limiter", "audit-log", "export-worker", "webhook-relay",
};

static const char *const COMPONENTS[] = {
    "the primary PostgreSQL cluster", "the Redis cache", "the Kafka brokers",
    "the load balancer pool", "the internal DNS resolvers",
    "the object storage bucket", "the Kubernetes control plane",
    "the PgBouncer connection pooler", "the CDN edge nodes",
    "the RabbitMQ queue", "the etcd quorum", "the TLS terminators",
    "the service mesh sidecars", "the batch job scheduler",
    "the read replicas", "the NAT gateway", "the Elasticsearch cluster",
    "the metrics pipeline", "the secrets manager", "the build cache",
};

static const char *const METRICS[] = {
    "p99 latency", "error rate", "queue depth", "replication lag",
    "CPU saturation", "heap usage", "connection count", "5xx rate",
    "disk I/O wait", "GC pause time", "consumer lag", "cache hit ratio",
    "open file descriptors", "request throughput", "retry rate",
    "memory pressure",
};

static const char *const REGIONS[] = {
    "us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1",
    "sa-east-1",
};

static const char *const NAMES[] = {
    "Bob", "Alice", "Priya", "Wei", "Carlos", "Fatima", "Dmitri", "Aisha",
    "Kenji", "Olga", "Mateo", "Grace", "Tunde", "Lena", "Ravi", "Sofia",
    "Hiroshi", "Noor", "Sam", "Ingrid",
};

static const char *const TEAMS[] = {
    "the database team", "the SRE team", "the platform team",
    "the payments team", "the networking team", "the on-call rotation",
    "the security team", "the release engineering team",
    "customer support", "the storage team", "the data platform group",
};

static const char *const CHANGES[] = {
    "a configuration push", "a schema migration", "a certificate rotation",
    "a dependency upgrade to {ver}", "a kernel patch",
    "a feature flag rollout", "a capacity reduction", "a DNS record update",
    "a cron schedule change", "a firewall rule change",
    "an autoscaler policy change", "a base image rebuild",
    "a routine node drain", "a load balancer migration",
};

static const char *const SYMPTOMS[] = {
    "elevated 5xx errors", "request timeouts", "a full outage",
    "degraded search results", "delayed notifications", "duplicate charges",
    "stale cache entries", "failed logins", "dropped webhooks",
    "slow page loads", "missing order confirmations", "partial data loss",
    "intermittent 429 responses",
};

static const char *const CAUSES[] = {
    "an expired TLS certificate", "a connection pool exhausted by retries",
    "a missing database index", "an unbounded in-memory queue",
    "a thundering herd after a cache flush",
    "a race condition in leader election", "a misconfigured health check",
    "a memory leak in the JSON encoder", "a retry storm without backoff",
    "clock skew between nodes", "a full disk on the primary",
    "a default timeout of {n} seconds", "a typo in the routing table",
    "a stale DNS record", "a lock held across two migrations",
    "a file descriptor limit of {big}", "an off-by-one in the pagination cursor",
};

static const char *const ACTIONS_PAST[] = {
    "rolled back", "restarted", "scaled up", "failed over", "drained",
    "paused", "re-indexed", "patched", "redeployed", "throttled",
};

static const char *const ADVERBS[] = {
    "sharply", "gradually", "steadily", "intermittently", "briefly",
    "unexpectedly",
};

static const char *const DURATIONS[] = {
    "{n} minutes", "about {n} minutes", "{n} seconds", "roughly an hour",
    "nearly two hours", "under {n} minutes",
};

static const char *const CONFIG_KEYS[] = {
    "max_connections", "idle_timeout", "retry_budget", "pool_size",
    "read_timeout_ms", "max_inflight", "worker_concurrency",
    "health_check.interval", "replicas", "ttl_seconds",
};

static const char *const COMMANDS[] = {
    "`kubectl rollout undo deploy/{svc}`", "`systemctl restart {svc}`",
    "`pg_stat_activity`", "`{cfgkey}`",
    "`SELECT count(*) FROM jobs WHERE state = 'stuck'`",
    "`redis-cli INFO memory`", "`terraform plan`", "`--max-inflight={n}`",
    "`SIGTERM`", "`ulimit -n`", "`OOMKilled`", "`helm rollback {svc} {n}`",
    "`dig +short {svc}.internal`", "`journalctl -u {svc} --since -1h`",
};

static const char *const LINKS[] = {
    "[the {svc} dashboard](https://grafana.example.com/d/{hex}/{=svc})",
    "[the runbook](https://wiki.example.com/runbooks/{svc})",
    "[PR #{big}](https://git.example.com/infra/{svc}/pull/{=big})",
    "[{ticket}](https://tracker.example.com/browse/{=ticket})",
    "[the status page entry](https://status.example.com/incidents/{hex})",
    "https://grafana.example.com/d/{hex}/{svc}",
};

static const char *const MONTHS[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static const char *const TICKET_PREFIXES[] = {
    "OPS", "INC", "SRE", "PLAT", "DB",
};

/* Neutral prose: what most of a postmortem is. */
static const char *const NEUTRAL[] = {
    "At {clock} UTC the {metric} of {svc} rose {adverb} to {ms} ms.",
    "The {svc} service began returning {symptom} for requests routed through {region}.",
    "{name} acknowledged the page and opened an incident channel.",
    "The alert for {metric} fired {dur} after the first customer report.",
    "We {action} {svc}, which brought the {metric} back down within {dur}.",
    "The trigger was {change} that interacted badly with {comp}.",
    "Investigation showed {cause} in {comp}.",
    "{comp} kept serving traffic, but the {metric} stayed above the paging threshold.",
    "See {link} for the full graphs.",
    "Running {cmd} on the affected hosts confirmed the hypothesis.",
    "{team} joined the call at {clock} and took over the investigation.",
    "Roughly {pct} of requests in {region} were affected.",
    "Customers saw {symptom} and many retried, which amplified the load.",
    "The runbook step for {cmd} assumed a single primary, which stopped being true after the migration.",
    "No data was lost, but {big} jobs had to be replayed from the dead-letter queue.",
    "The deploy pipeline did not flag the failing canary because it compared against a stale baseline.",
    "Our monitoring measured the {metric} at the load balancer rather than at the client, so the impact looked smaller than it was.",
    "The change had been reviewed and tested in staging, where the data set behind {comp} is much smaller.",
    "Once traffic was shifted away from {region}, the {metric} recovered to its usual level.",
    "The fix is tracked in {link}.",
    "Nothing in the process stopped {change} from reaching production during peak hours.",
    "{name} and {name2} paired on the mitigation while {team} handled customer communication.",
    "The retry policy in {svc} used no jitter, so clients reconnected in lockstep.",
    "A similar incident in {month} had produced a follow-up item that was still open.",
    "Dashboards for {svc} did not show the {metric}, which slowed the diagnosis.",
    "The value of `{cfgkey}` was {n}, well below what the new workload needed.",
    "The error budget for {svc} is exhausted for the rest of the quarter.",
    "Paging worked as designed and the primary responder was engaged within {n} minutes.",
    "This is *not* the first time {cause} has caused trouble in {comp}.",
    "The {svc} deployment had {n} replicas, but only {few} were passing health checks.",
    "Load on {comp} doubled once the cache warmed up again.",
    "Alerts were routed to a channel that is muted outside business hours.",
    "The incident commander decided to freeze deploys for {svc} until the fix was verified.",
    "Logs from {svc} were sampled at {pct}, so the first errors were easy to miss.",
    "The graph in {link} shows the {metric} climbing {dur} before the outage.",
    "{name} proposed failing over to {region}, and {team} agreed after checking the replication lag.",
    "The old ~~{n} second~~ timeout was replaced by a budget-based deadline.",
    "Support received {big} tickets during the incident window.",
    "The automated rollback did not trigger because the health check only tested the TCP port.",
    "We had no load test that exercised {comp} at this scale.",
    "Recovery was slowed by {cause}, which nobody had seen in production before.",
    "**Customer impact ended at {clock} UTC**, although cleanup continued for {dur}.",
    "The on-call handbook did not describe how to drain {comp} safely.",
    "Status updates were posted every {n} minutes on https://status.example.com.",
};

/* Blame-oriented phrasing that blamelint is meant to flag. */
static const char *const BLAME[] = {
    "This outage was caused by human error during {change}.",
    "{name} forgot to restart the {svc} worker after the deploy.",
    "The on-call engineer should have caught the {metric} alert much earlier.",
    "Engineers need to be more careful when running {cmd} in production.",
    "{name} failed to follow the runbook and skipped the verification step.",
    "If {name} had double-checked the diff, none of this would have happened.",
    "{name} should have known that {comp} could not handle the load.",
    "Root cause: human error.",
    "{name} carelessly pushed the change without waiting for the canary.",
    "The operator made a mistake and deleted the wrong replica set.",
    "Someone on {team} ignored the warning in the deploy log.",
    "{name} didn't bother to check the {metric} graph before merging.",
    "This was a simple case of negligence by the release engineer.",
    "Obviously, {name} should not have deployed on a Friday afternoon.",
    "The responder was careless with the {cmd} invocation.",
    "{name}'s mistake took down {svc} for {dur}.",
    "Once again {name} pushed without running the tests.",
    "Whoever approved this change should be more careful next time.",
    "The engineer who wrote the migration clearly did not think it through.",
    "{name} was too slow to respond to the page.",
    "The on-call engineer should have escalated to {team} immediately.",
    "Bob forgot to restart the worker, so the queue kept growing.",
};

static const char *const TITLES[] = {
    "Postmortem: {symptom} in {svc} ({region})",
    "Incident report: {svc} {symptom}",
    "{date}: {symptom} on {svc}",
    "SEV{sev} - {svc} degraded in {region}",
    "Postmortem for {ticket}: {symptom} after {change}",
};

static const char *const TIMELINE_EVENTS[] = {
    "{metric} alert fires for {svc}.",
    "{name} acknowledges the page.",
    "Incident declared at SEV{sev}; {name} is incident commander.",
    "{team} engaged.",
    "Rollback started with `helm rollback {svc} {few}`.",
    "Error rate returns to baseline.",
    "Status page updated: {link}",
    "First customer report via support ({ticket}).",
    "Traffic drained from {region}.",
    "{comp} {action}.",
    "Hypothesis: {cause}.",
    "Mitigation confirmed on {link}.",
    "Customer reports slow down.",
};

/* A timeline opens with the trigger and closes with the resolution. */
static const char *const TIMELINE_FIRST[] = {
    "Deploy of {svc} {ver} begins.",
    "{change} starts in {region}.",
    "{metric} alert fires for {svc}.",
    "Automated check reports {symptom} on {svc}.",
};

static const char *const TIMELINE_LAST[] = {
    "Incident resolved; monitoring continues.",
    "Error rate back to baseline, incident closed.",
    "All-clear posted on {link}",
    "Deploy freeze lifted for {svc}.",
};

/* Five-whys steps: each answer belongs to its question. */
typedef struct {
    const char *q, *a;
} Why;

static const Why WHYS[] = {
    {"Why did {svc} return {symptom}?",
     "Because {comp} stopped answering within the client timeout."},
    {"Why did {comp} stop answering?", "Because of {cause}."},
    {"Why was {comp} overloaded?", "Because it had no headroom left after {change}."},
    {"Why did the alert not fire sooner?",
     "Because the threshold was tuned for last year's traffic."},
    {"Why was the change deployed without a canary?",
     "Because the canary stage was disabled for {svc} during a migration in {month}."},
    {"Why did the rollback take {dur}?", "Because it had to wait for {comp} to drain."},
    {"Why was the runbook out of date?",
     "Because runbooks have no owner and are not reviewed after changes."},
    {"Why did retries make things worse?",
     "Because every client retried {n} times with no backoff."},
    {"Why did nobody notice the {metric} trend?",
     "Because the {=metric} panel was not on the on-call dashboard."},
    {"Why was `{cfgkey}` set so low?",
     "Because the default was copied from a much smaller service."},
};

static const char *const BLAME_ANSWERS[] = {
    "Because of human error.",
    "Because {name} forgot to update the runbook.",
    "Because the on-call engineer should have caught it and did not.",
    "Because {name} was not careful enough.",
};

static const char *const ACTION_ITEMS[] = {
    "Add alerting on the {metric} of {svc}",
    "Add jitter and a retry budget to {svc} clients",
    "Automate the {cmd} step in the runbook",
    "Load-test {comp} with production-sized data",
    "Re-enable the canary stage in the {svc} pipeline",
    "Document the failover procedure for {comp}",
    "Raise `{cfgkey}` and alert at {pct} of the limit",
    "Put the {metric} panel on the on-call dashboard",
    "Expire certificates in staging {n} days before production",
    "Review who owns the runbook for {svc}",
    "Add a pre-deploy check for {change}",
    "Run a game day on {comp} failover",
};

static const char *const BLAME_ACTIONS[] = {
    "Remind {name} to be more careful with {cmd}",
    "Retrain {name} on the deploy process",
    "Hold the on-call engineer accountable for missed alerts",
};

static const char *const IMPACT_ROWS[] = {
    "Duration | {dur}", "Requests failed | {big}00", "Customers affected | {big}",
    "Peak error rate | {pct}", "SLO budget burned | {pct}",
    "Support tickets | {n}", "Refunds issued | ${big}",
    "Regions | {region}", "Data loss | none",
};

static const char *const LOG_MESSAGES[] = {
    "pool: timeout acquiring connection after {ms}ms (active={n} idle=0 waiting={big})",
    "upstream {svc} returned 503 (attempt {few} of 10)",
    "health check failed: GET /healthz timed out after {ms}ms",
    "consumer group lag={big} partitions={n}",
    "x509: certificate has expired or is not yet valid",
    "OOMKilled: container exceeded memory limit ({big}Mi)",
    "leader election lost, stepping down (term={big})",
    "slow query ({ms} ms): SELECT * FROM orders WHERE customer_id = $1",
    "dial tcp 10.{n}.{n2}.{n3}:5432: connect: connection refused",
    "circuit breaker open for {svc}",
};

static const char *const LOG_LEVELS[] = {
    "ERROR", "WARN", "INFO", "ERROR", "FATAL",
};

/* Slot name -> word list. Constant lookup table. */
typedef struct {
    const char *key;
    const char *const *words;
    size_t n;
} WordList;

static const WordList LISTS[] = {
    {"comp", COMPONENTS, NELEM(COMPONENTS)},
    {"metric", METRICS, NELEM(METRICS)},
    {"region", REGIONS, NELEM(REGIONS)},
    {"team", TEAMS, NELEM(TEAMS)},
    {"change", CHANGES, NELEM(CHANGES)},
    {"symptom", SYMPTOMS, NELEM(SYMPTOMS)},
    {"cause", CAUSES, NELEM(CAUSES)},
    {"action", ACTIONS_PAST, NELEM(ACTIONS_PAST)},
    {"adverb", ADVERBS, NELEM(ADVERBS)},
    {"dur", DURATIONS, NELEM(DURATIONS)},
    {"cfgkey", CONFIG_KEYS, NELEM(CONFIG_KEYS)},
    {"cmd", COMMANDS, NELEM(COMMANDS)},
    {"link", LINKS, NELEM(LINKS)},
    {"month", MONTHS, NELEM(MONTHS)},
};

/* ------------------------------------------------------------------ */
/* Per-incident state: keeps one incident coherent (same main service,
 * same responder, a clock that only moves forward).                   */

typedef struct {
    Rng rng;
    const char *svc;       /* main service; most prose mentions it */
    const char *last_name; /* so "{name} and {name2}" are two people */
    int wrap;              /* hard-wrap prose at 80 columns, as many authors do */
    int hlevel;            /* level of the incident title heading */
    unsigned hour, minute; /* timeline clock */
    unsigned year, month, day;
    unsigned long sentences, blame; /* reported on stderr as a sanity check */
    /* Last value of each slot in the current template, so "{=key}" can
     * repeat it: a link's text and its URL must name the same ticket. */
    struct {
        char key[16];
        char val[128];
    } memo[8];
    unsigned nmemo;
} Ctx;

static const char *pick(Rng *r, const char *const *words, size_t n)
{
    return words[rng_below(r, (unsigned)n)];
}

#define PICK(ctx, arr) pick(&(ctx)->rng, (arr), NELEM(arr))

static void expand(Ctx *c, Buf *out, const char *tmpl, int depth);

/* Slots whose value is computed rather than picked from a list. */
static int expand_dynamic(Ctx *c, Buf *out, const char *key, size_t n)
{
    Rng *r = &c->rng;
#define IS(k) (n == sizeof(k) - 1 && memcmp(key, k, n) == 0)
    if (IS("few"))
        buf_printf(out, "%u", rng_range(r, 1, 9));
    else if (IS("n") || IS("n2") || IS("n3"))
        buf_printf(out, "%u", rng_range(r, 2, 59));
    else if (IS("big"))
        buf_printf(out, "%u", rng_range(r, 100, 9999));
    else if (IS("ms"))
        buf_printf(out, "%u", rng_range(r, 120, 30000));
    else if (IS("pct"))
        buf_printf(out, "%u%%", rng_range(r, 1, 60));
    else if (IS("sev"))
        buf_printf(out, "%u", rng_range(r, 1, 3));
    else if (IS("clock"))
        buf_printf(out, "%02u:%02u", rng_below(r, 24), rng_below(r, 60));
    else if (IS("ver"))
        buf_printf(out, "v%u.%u.%u", rng_range(r, 1, 9), rng_below(r, 40),
                   rng_below(r, 20));
    else if (IS("hex"))
        buf_printf(out, "%08llx", (unsigned long long)(rng_next(r) >> 32));
    else if (IS("ticket"))
        buf_printf(out, "%s-%u", PICK(c, TICKET_PREFIXES), rng_range(r, 100, 9999));
    else if (IS("date"))
        buf_printf(out, "%04u-%02u-%02u", c->year, c->month, c->day);
    else if (IS("svc"))
        /* Most mentions are of the incident's own service. */
        buf_puts(out, rng_below(r, 3) ? c->svc : PICK(c, SERVICES));
    else if (IS("name") || IS("name2")) {
        const char *who;
        do
            who = PICK(c, NAMES);
        while (IS("name2") && who == c->last_name);
        c->last_name = who;
        buf_puts(out, who);
    } else
        return 0;
#undef IS
    return 1;
}

static void memo_store(Ctx *c, const char *key, size_t n, const char *val, size_t vn)
{
    if (n >= sizeof c->memo[0].key || vn >= sizeof c->memo[0].val)
        return;
    unsigned i = 0;
    while (i < c->nmemo &&
           !(strlen(c->memo[i].key) == n && memcmp(c->memo[i].key, key, n) == 0))
        i++;
    if (i == NELEM(c->memo))
        return;
    if (i == c->nmemo) {
        memcpy(c->memo[i].key, key, n);
        c->memo[i].key[n] = '\0';
        c->nmemo++;
    }
    memcpy(c->memo[i].val, val, vn);
    c->memo[i].val[vn] = '\0';
}

static const char *memo_find(const Ctx *c, const char *key, size_t n)
{
    for (unsigned i = 0; i < c->nmemo; i++)
        if (strlen(c->memo[i].key) == n && memcmp(c->memo[i].key, key, n) == 0)
            return c->memo[i].val;
    return NULL;
}

static void expand_fresh(Ctx *c, Buf *out, const char *key, size_t n, int depth);

static void expand_key(Ctx *c, Buf *out, const char *key, size_t n, int depth)
{
    if (n > 1 && key[0] == '=') {
        const char *v = memo_find(c, key + 1, n - 1);
        if (v)
            buf_puts(out, v);
        else
            expand_fresh(c, out, key + 1, n - 1, depth);
        return;
    }
    /* Buffers may move while expanding, so remember an offset, not a pointer. */
    size_t start = out->len;
    expand_fresh(c, out, key, n, depth);
    if (out->len > start)
        memo_store(c, key, n, out->p + start, out->len - start);
}

static void expand_fresh(Ctx *c, Buf *out, const char *key, size_t n, int depth)
{
    if (expand_dynamic(c, out, key, n))
        return;
    for (size_t i = 0; i < NELEM(LISTS); i++) {
        if (strlen(LISTS[i].key) == n && memcmp(LISTS[i].key, key, n) == 0) {
            const char *w = pick(&c->rng, LISTS[i].words, LISTS[i].n);
            expand(c, out, w, depth + 1);
            return;
        }
    }
    /* Unknown slot: keep it literally so code samples may contain braces. */
    buf_put(out, "{", 1);
    buf_put(out, key, n);
    buf_put(out, "}", 1);
}

/* Replace every {slot} in tmpl; words may hold slots, so recurse (bounded). */
static void expand(Ctx *c, Buf *out, const char *tmpl, int depth)
{
    const char *p = tmpl;
    if (depth == 0)
        c->nmemo = 0;
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close || depth > 4) {
            buf_puts(out, p);
            return;
        }
        buf_put(out, p, (size_t)(open - p));
        expand_key(c, out, open + 1, (size_t)(close - open - 1), depth);
        p = close + 1;
    }
}

/* Sentences from a lowercase slot ("the Redis cache ...") need a capital. */
static void capitalize_from(Buf *b, size_t start)
{
    if (start < b->len && islower((unsigned char)b->p[start]))
        b->p[start] = (char)toupper((unsigned char)b->p[start]);
}

/* Expand one template chosen from either the neutral or the blame list. */
static void phrase(Ctx *c, Buf *out, const char *const *neutral, size_t nn,
                   const char *const *blame, size_t nb)
{
    int is_blame = rng_one_in(&c->rng, BLAME_ONE_IN);
    size_t start = out->len;
    expand(c, out, is_blame ? pick(&c->rng, blame, nb) : pick(&c->rng, neutral, nn),
           0);
    capitalize_from(out, start);
    c->sentences++;
    c->blame += (unsigned long)is_blame;
}

static void sentence(Ctx *c, Buf *out)
{
    phrase(c, out, NEUTRAL, NELEM(NEUTRAL), BLAME, NELEM(BLAME));
}

/* ------------------------------------------------------------------ */
/* Block emitters.                                                     */

/* A word may not begin a wrapped line if Markdown would read it as the
 * start of a new block (list item, heading, quote, setext underline...):
 * the wrapped document must parse exactly like the unwrapped one.     */
static int safe_line_start(const char *w, size_t n)
{
    if (n == 0 || strchr("#>-+*=|`<~", w[0]))
        return 0;
    size_t i = 0;
    while (i < n && isdigit((unsigned char)w[i]))
        i++;
    return !(i > 0 && i < n && (w[i] == '.' || w[i] == ')'));
}

/* Emit text as one block line, hard-wrapped if this document's style wraps.
 * first/cont are the prefixes of the first and continuation lines.      */
static void emit_text(Ctx *c, Buf *out, const char *first, const char *cont,
                      const char *text)
{
    buf_puts(out, first);
    if (!c->wrap) {
        buf_puts(out, text);
        buf_puts(out, "\n");
        return;
    }
    size_t col = strlen(first), indent = strlen(cont);
    int in_code = 0, at_start = 1;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (!at_start) {
            if (col + 1 + n > WRAP_COLUMN && !in_code && safe_line_start(p, n)) {
                buf_puts(out, "\n");
                buf_puts(out, cont);
                col = indent;
            } else {
                buf_puts(out, " ");
                col++;
            }
        }
        buf_put(out, p, n);
        col += n;
        at_start = 0;
        /* Don't break inside `code spans`: it is legal but nobody writes it. */
        for (size_t i = 0; i < n; i++)
            in_code ^= p[i] == '`';
        p += n;
        while (*p == ' ')
            p++;
    }
    buf_puts(out, "\n");
}

static void heading(Ctx *c, Buf *out, int sublevel, const char *text)
{
    for (int i = 0; i < c->hlevel + sublevel; i++)
        buf_puts(out, "#");
    buf_printf(out, " %s\n\n", text);
}

static void paragraph(Ctx *c, Buf *out, unsigned lo, unsigned hi)
{
    Buf t = {0};
    unsigned n = rng_range(&c->rng, lo, hi);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            buf_puts(&t, " ");
        sentence(c, &t);
    }
    emit_text(c, out, "", "", t.p);
    buf_puts(out, "\n");
    buf_free(&t);
}

static void bullets(Ctx *c, Buf *out, unsigned lo, unsigned hi)
{
    unsigned n = rng_range(&c->rng, lo, hi);
    for (unsigned i = 0; i < n; i++) {
        Buf t = {0};
        sentence(c, &t);
        emit_text(c, out, "- ", "  ", t.p);
        buf_free(&t);
    }
    buf_puts(out, "\n");
}

/* ------------------------------------------------------------------ */
/* Sections.                                                           */

static void section_title(Ctx *c, Buf *out)
{
    Buf t = {0};
    expand(c, &t, PICK(c, TITLES), 0);
    capitalize_from(&t, 0);
    heading(c, out, 0, t.p);
    buf_free(&t);
}

static void section_metadata(Ctx *c, Buf *out)
{
    const char *tmpl;
    switch (rng_below(&c->rng, 3)) {
    case 0: /* trailing double space: hard line breaks, a common habit */
        tmpl = "**Date:** {date}  \n**Severity:** SEV{sev}  \n**Status:** Resolved  \n"
               "**Authors:** {name}, {name2}\n\n";
        break;
    case 1:
        tmpl = "- Date: {date}\n- Severity: SEV{sev}\n- Incident commander: {name}\n"
               "- Duration: {dur}\n- Ticket: {link}\n\n";
        break;
    default:
        tmpl = "| Field | Value |\n|---|---|\n| Date | {date} |\n| Severity | SEV{sev} |\n"
               "| Services | `{svc}` |\n| Status | Action items open |\n\n";
        break;
    }
    expand(c, out, tmpl, 0);
    if (rng_one_in(&c->rng, 6))
        buf_puts(out, "<!-- Reviewed in the weekly incident review. -->\n\n");
}

static void section_summary(Ctx *c, Buf *out)
{
    heading(c, out, 1, "Summary");
    if (rng_one_in(&c->rng, 4)) {
        Buf t = {0};
        buf_puts(&t, "**TL;DR:** ");
        sentence(c, &t);
        emit_text(c, out, "> ", "> ", t.p);
        buf_puts(out, "\n");
        buf_free(&t);
    }
    paragraph(c, out, 3, 5);
    if (rng_one_in(&c->rng, 2))
        paragraph(c, out, 2, 4);
}

static void impact_table(Ctx *c, Buf *out)
{
    buf_puts(out, "| Metric | Value |\n|:--|--:|\n");
    unsigned rows = rng_range(&c->rng, 3, 6);
    unsigned first = rng_below(&c->rng, (unsigned)NELEM(IMPACT_ROWS));
    for (unsigned i = 0; i < rows; i++) {
        buf_puts(out, "| ");
        expand(c, out, IMPACT_ROWS[(first + i) % NELEM(IMPACT_ROWS)], 0);
        buf_puts(out, " |\n");
    }
    buf_puts(out, "\n");
}

static void section_impact(Ctx *c, Buf *out)
{
    heading(c, out, 1, "Impact");
    paragraph(c, out, 2, 4);
    if (rng_below(&c->rng, 3))
        impact_table(c, out);
    else
        bullets(c, out, 3, 5);
}

/* Timeline entries: mostly event notes, sometimes full prose sentences. */
static void timeline_event(Ctx *c, Buf *out, unsigned i, unsigned n)
{
    if (i == 0 || i == n - 1) {
        size_t start = out->len;
        expand(c, out, i == 0 ? PICK(c, TIMELINE_FIRST) : PICK(c, TIMELINE_LAST), 0);
        capitalize_from(out, start);
    } else if (rng_below(&c->rng, 3))
        phrase(c, out, TIMELINE_EVENTS, NELEM(TIMELINE_EVENTS), BLAME, NELEM(BLAME));
    else
        sentence(c, out);
}

static void advance_clock(Ctx *c)
{
    c->minute += rng_range(&c->rng, 1, 14);
    c->hour = (c->hour + c->minute / 60) % 24;
    c->minute %= 60;
}

static void section_timeline(Ctx *c, Buf *out)
{
    heading(c, out, 1, "Timeline");
    buf_puts(out, rng_below(&c->rng, 2) ? "All times are UTC.\n\n"
                                        : "Times below are in UTC, taken from the incident channel.\n\n");
    unsigned style = rng_below(&c->rng, 3), n = rng_range(&c->rng, 9, 18);
    if (style == 2)
        buf_puts(out, "| Time (UTC) | Event |\n|---|---|\n");
    for (unsigned i = 0; i < n; i++) {
        Buf t = {0}, prefix = {0};
        advance_clock(c);
        timeline_event(c, &t, i, n);
        if (style == 0)
            buf_printf(&prefix, "- **%02u:%02u** - ", c->hour, c->minute);
        else if (style == 1)
            buf_printf(&prefix, "* `%02u:%02u` ", c->hour, c->minute);
        if (style == 2)
            buf_printf(out, "| %02u:%02u | %s |\n", c->hour, c->minute, t.p);
        else
            emit_text(c, out, prefix.p, "  ", t.p);
        buf_free(&t);
        buf_free(&prefix);
    }
    buf_puts(out, "\n");
}

static void code_log(Ctx *c, Buf *out)
{
    buf_puts(out, rng_below(&c->rng, 2) ? "```text\n" : "```log\n");
    unsigned n = rng_range(&c->rng, 4, 9);
    unsigned sec = rng_below(&c->rng, 60);
    for (unsigned i = 0; i < n; i++) {
        sec = (sec + rng_below(&c->rng, 3)) % 60;
        buf_printf(out, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ %-5s %s ", c->year,
                   c->month, c->day, c->hour, c->minute, sec, rng_below(&c->rng, 1000),
                   PICK(c, LOG_LEVELS), c->svc);
        expand(c, out, PICK(c, LOG_MESSAGES), 0);
        buf_puts(out, "\n");
    }
    buf_puts(out, "```\n\n");
}

static void code_config(Ctx *c, Buf *out)
{
    expand(c, out,
           "```yaml\n{svc}:\n  replicas: {n}\n  resources:\n    limits:\n"
           "      memory: {big}Mi\n  retry:\n    max_attempts: {n}\n"
           "    backoff_ms: {ms}\n  {cfgkey}: {n}\n```\n\n",
           0);
}

static void code_diff(Ctx *c, Buf *out)
{
    expand(c, out,
           "```diff\n--- a/deploy/{svc}/values.yaml\n+++ b/deploy/{svc}/values.yaml\n"
           "@@ -{n},6 +{n},6 @@\n   image: registry.example.com/{svc}:{ver}\n"
           "-  {cfgkey}: {n}\n+  {=cfgkey}: {big}\n   timeout: {ms}ms\n```\n\n",
           0);
}

static void code_shell(Ctx *c, Buf *out)
{
    expand(c, out,
           "```console\n$ kubectl -n prod get pods -l app={svc}\n"
           "NAME                READY   STATUS             RESTARTS   AGE\n"
           "{svc}-{hex}   0/1     CrashLoopBackOff   {n}         {n}m\n"
           "{svc}-{hex}   1/1     Running            0          {n}d\n",
           0);
    /* Blame inside code must not be flagged; keep a little of it here. */
    if (rng_one_in(&c->rng, BLAME_ONE_IN))
        buf_puts(out, "$ # human error: forgot to restart the worker\n");
    buf_puts(out, "```\n\n");
}

static void code_block(Ctx *c, Buf *out)
{
    switch (rng_below(&c->rng, 4)) {
    case 0: code_log(c, out); break;
    case 1: code_config(c, out); break;
    case 2: code_diff(c, out); break;
    default: code_shell(c, out); break;
    }
}

static void five_whys(Ctx *c, Buf *out)
{
    heading(c, out, 2, rng_below(&c->rng, 2) ? "Five whys" : "5 Whys");
    unsigned q = rng_below(&c->rng, (unsigned)NELEM(WHYS));
    for (unsigned i = 1; i <= 5; i++) {
        const Why *w = &WHYS[(q + i) % NELEM(WHYS)];
        int is_blame = rng_one_in(&c->rng, BLAME_ONE_IN);
        Buf tmpl = {0}, t = {0}, prefix = {0};
        /* One template for the pair so the answer can repeat the question's slots. */
        buf_printf(&tmpl, "**%s** %s", w->q, is_blame ? PICK(c, BLAME_ANSWERS) : w->a);
        expand(c, &t, tmpl.p, 0);
        c->sentences++;
        c->blame += (unsigned long)is_blame;
        buf_printf(&prefix, "%u. ", i);
        emit_text(c, out, prefix.p, "   ", t.p);
        buf_free(&tmpl);
        buf_free(&t);
        buf_free(&prefix);
    }
    buf_puts(out, "\n");
}

static void section_root_cause(Ctx *c, Buf *out)
{
    heading(c, out, 1, rng_below(&c->rng, 2) ? "Root Cause" : "Root Cause Analysis");
    paragraph(c, out, 3, 5);
    code_block(c, out);
    paragraph(c, out, 2, 3);
    if (rng_one_in(&c->rng, 3)) {
        heading(c, out, 2, "Contributing factors");
        bullets(c, out, 2, 4);
    }
    five_whys(c, out);
}

static void action_table(Ctx *c, Buf *out)
{
    buf_puts(out, "| # | Action | Owner | Priority | Ticket |\n"
                  "|---|--------|-------|----------|--------|\n");
    unsigned n = rng_range(&c->rng, 3, 6);
    for (unsigned i = 1; i <= n; i++) {
        Buf t = {0};
        phrase(c, &t, ACTION_ITEMS, NELEM(ACTION_ITEMS), BLAME_ACTIONS,
               NELEM(BLAME_ACTIONS));
        buf_printf(out, "| %u | %s | ", i, t.p);
        /* Owners are @handles: the lowercased first name. */
        const char *who = PICK(c, NAMES);
        buf_puts(out, "@");
        for (const char *p = who; *p; p++)
            buf_printf(out, "%c", tolower((unsigned char)*p));
        expand(c, out, " | P{sev} | [{ticket}](https://tracker.example.com/browse/{=ticket}) |\n", 0);
        buf_free(&t);
    }
    buf_puts(out, "\n");
}

static void action_tasks(Ctx *c, Buf *out)
{
    unsigned n = rng_range(&c->rng, 2, 5);
    for (unsigned i = 0; i < n; i++) {
        Buf t = {0};
        phrase(c, &t, ACTION_ITEMS, NELEM(ACTION_ITEMS), BLAME_ACTIONS,
               NELEM(BLAME_ACTIONS));
        buf_printf(&t, " (owner: %s)", PICK(c, NAMES));
        emit_text(c, out, rng_below(&c->rng, 3) ? "- [ ] " : "- [x] ", "  ", t.p);
        buf_free(&t);
    }
    buf_puts(out, "\n");
}

static void section_actions(Ctx *c, Buf *out)
{
    heading(c, out, 1, "Action Items");
    unsigned style = rng_below(&c->rng, 3);
    if (style != 1)
        action_table(c, out);
    if (style != 0) {
        buf_puts(out, "Follow-ups:\n\n");
        action_tasks(c, out);
    }
}

static void section_lessons(Ctx *c, Buf *out)
{
    heading(c, out, 1, "Lessons Learned");
    if (rng_one_in(&c->rng, 3)) {
        bullets(c, out, 3, 6);
        return;
    }
    heading(c, out, 2, "What went well");
    bullets(c, out, 2, 3);
    heading(c, out, 2, "What went wrong");
    bullets(c, out, 2, 4);
    if (rng_below(&c->rng, 2)) {
        heading(c, out, 2, "Where we got lucky");
        bullets(c, out, 1, 2);
    }
}

/* One whole postmortem; `index` alone determines its content. */
static void incident(Buf *out, unsigned long index, int hlevel, Ctx *totals)
{
    Ctx c = {0};
    c.rng.s = BASE_SEED ^ (index * 0xd1b54a32d192ed03ULL);
    rng_next(&c.rng); /* decorrelate neighbouring indices */
    c.svc = PICK(&c, SERVICES);
    c.wrap = (int)rng_below(&c.rng, 2);
    c.hlevel = hlevel;
    c.hour = rng_below(&c.rng, 24);
    c.minute = rng_below(&c.rng, 60);
    c.year = rng_range(&c.rng, 2021, 2024);
    c.month = rng_range(&c.rng, 1, 12);
    c.day = rng_range(&c.rng, 1, 28);

    section_title(&c, out);
    section_metadata(&c, out);
    section_summary(&c, out);
    section_impact(&c, out);
    section_timeline(&c, out);
    section_root_cause(&c, out);
    section_actions(&c, out);
    section_lessons(&c, out);

    totals->sentences += c.sentences;
    totals->blame += c.blame;
}

/* ------------------------------------------------------------------ */
/* Output.                                                             */

static void write_file(const char *path, const Buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        die(path);
    if (fwrite(b->p, 1, b->len, f) != b->len || fclose(f) != 0)
        die(path);
}

static void gen_corpus(const char *dir, unsigned long n)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die(dir);
    Ctx totals = {0};
    size_t total = 0;
    for (unsigned long i = 1; i <= n; i++) {
        Buf b = {0};
        incident(&b, i, 1, &totals);
        char path[4096];
        snprintf(path, sizeof path, "%s/pm-%04lu.md", dir, i);
        write_file(path, &b);
        total += b.len;
        buf_free(&b);
    }
    fprintf(stderr, "gen: %lu files, %zu bytes, %lu sentences, %lu blame\n", n,
            total, totals.sentences, totals.blame);
}

/* The big document is an archive: many full incidents under one title, so
 * its section structure is that of real postmortems, only more of them. */
static void gen_one(const char *path, double mb)
{
    size_t target = (size_t)(mb * 1e6);
    Ctx totals = {0};
    Buf b = {0};
    buf_puts(&b, "# Incident archive\n\nEvery postmortem published this year, "
                 "newest last. Each section follows the standard template.\n\n");
    /* Index offset keeps these incidents distinct from the corpus files. */
    for (unsigned long i = 1000000; b.len < target; i++)
        incident(&b, i, 2, &totals);
    write_file(path, &b);
    fprintf(stderr, "gen: 1 file, %zu bytes, %lu sentences, %lu blame\n", b.len,
            totals.sentences, totals.blame);
    buf_free(&b);
}

static int usage(void)
{
    fprintf(stderr, "usage: gen DIR N\n       gen --one FILE MB\n");
    return 2;
}

int main(int argc, char **argv)
{
    char *end;
    if (argc != 3 && argc != 4)
        return usage();
    if (argc == 4) {
        if (strcmp(argv[1], "--one") != 0)
            return usage();
        double mb = strtod(argv[3], &end);
        if (*end || !(mb > 0))
            return usage();
        gen_one(argv[2], mb);
        return 0;
    }
    unsigned long n = strtoul(argv[2], &end, 10);
    if (*end || n == 0 || argv[2][0] == '-')
        return usage();
    gen_corpus(argv[1], n);
    return 0;
}
