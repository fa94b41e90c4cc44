-- wrk's side of eligibility-bench's comparison: `wrk -s card-check.lua URL`, where URL is the card
-- check the gateway client sent (its token and credentials in the query) and the environment's
-- CARD_CHECK_BODY names a file holding that request's JSON body. Every request is that same POST.
-- The scenario answers an unknown token with HTTP 401, so wrk counts one as a status error.
local file = assert(io.open(os.getenv("CARD_CHECK_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json; charset=utf-8"

-- One JSON line for the benchmark to read; times in microseconds.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      '{"requests":%d,"durationMicroseconds":%d,"meanLatencyMicroseconds":%.3f,"errors":%d}\n',
      summary.requests, summary.duration, latency.mean, e.connect + e.read + e.write + e.status + e.timeout))
end
