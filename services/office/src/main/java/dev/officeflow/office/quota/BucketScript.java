package dev.officeflow.office.quota;

/**
 * The Lua script behind {@link QuotaLimiter}: a user's bucket and the project's bucket of one API,
 * each a hash ({@code tokens}, {@code at}, {@code inflight}) beside a sorted set of its
 * reservations not yet released (member {@code <id>:<cost>}, score the time after which it is
 * forgotten), and, for the project's bucket, what each active user has been served (a sorted set,
 * score the units reserved) and until when the user counts as active (a sorted set, score that
 * time). Time is Redis' own ({@code TIME}), so every instance shares one clock.
 *
 * <p>KEYS: user bucket, user reservations, project bucket, project reservations, project served,
 * project active. ARGV: mode, id, cost, held-at-most (s), user rate/s, user capacity, project
 * rate/s, project capacity, user id, fairness queue (s), fairness lead (units), fairness idle (s).
 * Modes:
 *
 * <ul>
 *   <li>{@code acquire}: reserves the cost in the user's bucket; if that is due now, in the
 *       project's too. Returns {@code {wait µs, 1}} when both are reserved, {@code {wait µs, 0}}
 *       when only the user's is (the caller comes back with {@code project} once it is due), and
 *       {@code {wait µs, 2}} when the project's refused for now (below).
 *   <li>{@code project}: reserves the cost in the project's bucket and keeps the user's reservation
 *       held until the project's is due. Returns {@code {wait µs, 1}}, or {@code {wait µs, 2}}.
 *   <li>{@code release}: the call was answered; frees whichever reservations exist.
 * </ul>
 *
 * <p><b>Least served first.</b> While the project's bucket is contended (more than the fairness
 * queue of its rate is outstanding, queued or in flight, with this call), a user more than the
 * fairness lead ahead of the least-served active user is not let into the queue: the answer is
 * {@code {retry µs, 2}} and the caller asks again (with {@code project}) after that time, its user
 * reservation still held. Users behind always get in, so the queue's order favours whoever has had
 * least: a newly connected user's first calls, and every user's recent slice, come before the
 * deeper reading of users who started earlier, and nobody runs away with the project's burst.
 * Outstanding work counts calls in flight too: when the budget does not bind yet because the
 * callers cannot spend it faster (a cold start, a loaded machine), what the machine can do is the
 * scarce part, and the same order applies. When little is outstanding everyone gets in, so the rule
 * never leaves the bucket idle. Served units are counted when reserved; a user whose last call was
 * due more than the fairness idle ago is dropped from both sets (its job ended), so it neither
 * holds the others back nor carries an old count into its next job.
 *
 * <p>A balance may go negative: time already promised to earlier callers, which a new caller waits
 * for. What is in flight (reserved, not yet answered) lowers the refill ceiling: Google charges a
 * call when it arrives, so while it is on its way our bucket must not refill past what Google's can
 * hold after charging it. A reservation never released is dropped from the in-flight sum once its
 * score passes, so a dead caller cannot shrink a busy project bucket for good.
 */
final class BucketScript {

  static final String SOURCE =
      """
      local now = redis.call('TIME')
      local t = tonumber(now[1]) + tonumber(now[2]) / 1000000
      local mode = ARGV[1]
      local member = ARGV[2] .. ':' .. ARGV[3]
      local cost = tonumber(ARGV[3])
      local held = tonumber(ARGV[4])

      local function load(bucket, calls, rate, capacity)
        local state = redis.call('HMGET', bucket, 'tokens', 'at', 'inflight')
        local b = {tokens = tonumber(state[1]), at = tonumber(state[2]),
          inflight = tonumber(state[3]) or 0}
        if b.tokens == nil or b.at == nil then
          redis.call('DEL', calls)
          b.tokens = capacity
          b.at = t
          b.inflight = 0
        end
        local expired = redis.call('ZRANGEBYSCORE', calls, '-inf', t)
        if #expired > 0 then
          for _, m in ipairs(expired) do
            b.inflight = b.inflight - tonumber(string.match(m, ':(%d+)$'))
          end
          redis.call('ZREMRANGEBYSCORE', calls, '-inf', t)
          b.inflight = math.max(0, b.inflight)
        end
        if t > b.at then
          b.tokens = math.min(math.max(capacity - b.inflight, b.tokens),
            b.tokens + (t - b.at) * rate)
          b.at = t
        end
        return b
      end

      local function save(bucket, calls, b, rate, capacity)
        redis.call('HSET', bucket, 'tokens', tostring(b.tokens), 'at', tostring(b.at),
          'inflight', tostring(b.inflight))
        local ttl = math.ceil((capacity - b.tokens) / rate + held) + 180
        redis.call('EXPIRE', bucket, ttl)
        redis.call('EXPIRE', calls, ttl)
      end

      local function reserve_in(b, bucket, calls, rate, capacity)
        b.tokens = b.tokens - cost
        b.inflight = b.inflight + cost
        local wait = 0
        if b.tokens < 0 then
          wait = -b.tokens / rate
        end
        redis.call('ZADD', calls, t + wait + held, member)
        save(bucket, calls, b, rate, capacity)
        return wait
      end

      local function reserve(bucket, calls, rate, capacity)
        return reserve_in(load(bucket, calls, rate, capacity), bucket, calls, rate, capacity)
      end

      local user = ARGV[9]
      local fair_queue = tonumber(ARGV[10])
      local fair_lead = tonumber(ARGV[11])
      local fair_idle = tonumber(ARGV[12])

      local function active_until(deadline)
        local current = tonumber(redis.call('ZSCORE', KEYS[6], user) or '0')
        if deadline > current then
          redis.call('ZADD', KEYS[6], deadline, user)
        end
        local ttl = math.ceil(deadline - t + held) + 180
        redis.call('EXPIRE', KEYS[5], ttl)
        redis.call('EXPIRE', KEYS[6], ttl)
      end

      -- Seconds until the caller may ask again, or 0 when it may join the project's queue now.
      -- Outstanding is what is reserved and not yet answered (queued or on its way), with this
      -- call: a queue when the budget binds, calls in flight when the callers' own machines do.
      local function gate(b, rate)
        local outstanding = math.max(cost - b.tokens, b.inflight + cost) / rate
        if outstanding <= fair_queue then
          return 0
        end
        local idle = redis.call('ZRANGEBYSCORE', KEYS[6], '-inf', t)
        for i = 1, #idle, 1000 do
          redis.call('ZREM', KEYS[5], unpack(idle, i, math.min(i + 999, #idle)))
        end
        if #idle > 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', t)
        end
        local mine = tonumber(redis.call('ZSCORE', KEYS[5], user) or '0')
        local least = redis.call('ZRANGE', KEYS[5], 0, 0, 'WITHSCORES')
        if #least == 0 or mine - tonumber(least[2]) < fair_lead then
          return 0
        end
        return math.min(math.max(outstanding - fair_queue, 0.25), 2)
      end

      local function free(bucket, calls, rate, capacity)
        local b = load(bucket, calls, rate, capacity)
        if redis.call('ZREM', calls, member) == 1 then
          b.inflight = math.max(0, b.inflight - cost)
        end
        save(bucket, calls, b, rate, capacity)
      end

      local user_rate = tonumber(ARGV[5])
      local user_capacity = tonumber(ARGV[6])
      local project_rate = tonumber(ARGV[7])
      local project_capacity = tonumber(ARGV[8])
      if mode == 'release' then
        free(KEYS[1], KEYS[2], user_rate, user_capacity)
        free(KEYS[3], KEYS[4], project_rate, project_capacity)
        return {0, 1}
      end
      if mode == 'acquire' then
        local wait = reserve(KEYS[1], KEYS[2], user_rate, user_capacity)
        if wait > 0 then
          return {math.ceil(wait * 1000000), 0}
        end
      end
      local project = load(KEYS[3], KEYS[4], project_rate, project_capacity)
      local retry = gate(project, project_rate)
      if retry > 0 then
        save(KEYS[3], KEYS[4], project, project_rate, project_capacity)
        redis.call('ZADD', KEYS[2], 'XX', t + retry + held, member)
        active_until(t + retry + fair_idle)
        return {math.ceil(retry * 1000000), 2}
      end
      local wait = reserve_in(project, KEYS[3], KEYS[4], project_rate, project_capacity)
      if mode == 'project' then
        redis.call('ZADD', KEYS[2], 'XX', t + wait + held, member)
      end
      redis.call('ZINCRBY', KEYS[5], cost, user)
      active_until(t + wait + fair_idle)
      return {math.ceil(wait * 1000000), 1}
      """;

  private BucketScript() {}
}
