-- wrk script of bench/run.sh: one wrk thread per connection, each with sessions of its own.
--
-- Environment (set by run.sh):
--   BENCH_SESSIONS  a file with a line per connection, tab-separated:
--                   province reviewer's cookie, national reviewer's cookie, clerk's cookie, the clerk's
--                   CSRF token, the clerk's county, the report's version, the section's form body
--                   (without version, _csrf and the field this script varies), and that field's
--                   stored value
--   BENCH_SCENARIO  one of the names in `scenarios` below, or "mixed"
--   BENCH_PATH      for the "path" scenario: the path to GET with the province reviewer's session
--
-- Every response is checked: a GET must answer 200, a draft save 302 back to its section (a 409
-- conflict or a 200 with refused fields counts as an error). done() prints one RESULT line.

local threads = {}
local next_id = 1

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    table.insert(threads, thread)
end

local YEAR = "2024"
local scenarios = {
    status = { cookie = 1, path = "/dashboards/status?year=" .. YEAR .. "&area=530000" },
    heatmap = { cookie = 1, path = "/dashboards/heatmap?year=" .. YEAR .. "&area=530000" },
    ranking = { cookie = 1, path = "/dashboards/ranking?year=" .. YEAR .. "&area=530000&indicator=ENF_CERT_RATE" },
    national = { cookie = 2, path = "/dashboards/ranking?year=" .. YEAR .. "&indicator=ENF_CERT_RATE" },
    profile = { cookie = 1, path = "/dashboards/counties/532527?year=" .. YEAR .. "&indicator=ENF_CERT_RATE" },
    xlsx = { cookie = 1, path = "/dashboards/ranking?year=" .. YEAR .. "&area=530000&indicator=ENF_CERT_RATE&format=xlsx" },
    form = { cookie = 3, form = true },
    save = { cookie = 3, save = true },
    -- the review queue (issue 19): by default the submitted reports in the reviewer's scope, 50 a page
    review = { cookie = 1, path = "/review" },
    review_national = { cookie = 2, path = "/review" },
}
-- the peak-season mix: clerks open and save their forms, reviewers read the dashboards
local mixed = { "form", "save", "status", "form", "profile", "heatmap", "form", "save", "ranking", "form",
    "profile", "status", "form", "save", "heatmap", "national", "form", "profile", "ranking", "save", "xlsx" }

local cookies, csrf, county, version, body, stored
-- one connection per thread (run.sh: -t = -c), and wrk sends a connection's next request only after
-- the answer to the last: so the last request named is the one being answered. (A queue of names
-- went out of step when wrk gave a request up on a read error and asked for another: a save's 302
-- was then read as another page's, its version not counted, and the next save refused as a conflict.)
local plan, turn, saves, last = nil, 0, 0, nil
bad = 0 -- global: done() reads it from each thread

local function split(line)
    local fields = {}
    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
        table.insert(fields, field)
    end
    return fields
end

function init(args)
    local n = 0
    for line in io.lines(os.getenv("BENCH_SESSIONS")) do
        n = n + 1
        if n == id then
            local f = split(line)
            cookies = { f[1], f[2], f[3] }
            csrf, county, version, body, stored = f[4], f[5], tonumber(f[6]), f[7], tonumber(f[8] or "100")
        end
    end
    local scenario = os.getenv("BENCH_SCENARIO")
    if scenario == "mixed" then
        plan = mixed
        turn = id % #mixed
    elseif scenario == "path" then
        scenarios.path = { cookie = 1, path = os.getenv("BENCH_PATH") }
        plan = { "path" }
    else
        assert(scenarios[scenario], "unknown scenario " .. tostring(scenario))
        plan = { scenario }
    end
end

local function form_path()
    return "/counties/" .. county .. "/reports/" .. YEAR .. "/edit?section=ENFORCEMENT"
end

function request()
    turn = turn % #plan + 1
    local name = plan[turn]
    local s = scenarios[name]
    local headers = { Cookie = cookies[s.cookie] }
    last = name
    if s.save then
        saves = saves + 1
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        -- a value that changes with every save, starting from the stored one (run.sh reads it before
        -- each row), so that every save writes: a save that changes nothing leaves the version as it
        -- was, and counting it would make the next save a conflict
        local payload = body .. "&version=" .. version .. "&_csrf=" .. csrf
            .. "&values[ENF_INSPECTIONS]=" .. (stored + saves)
        return wrk.format("POST", "/counties/" .. county .. "/reports/" .. YEAR .. "/edit", headers, payload)
    end
    return wrk.format("GET", s.form and form_path() or s.path, headers)
end

function response(status, headers, body)
    local s = scenarios[last]
    if s and s.save then
        local location = headers["Location"] or ""
        if status == 302 and location:find("/edit%?section=ENFORCEMENT") then
            version = version + 1
        else
            bad = bad + 1
            local current = body and body:match('name="version" value="(%d+)"')
            if current then
                version = tonumber(current)
            end
        end
    elseif status ~= 200 then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local wrong = 0
    for _, thread in ipairs(threads) do
        wrong = wrong + (thread:get("bad") or 0)
    end
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.timeout + wrong
    io.write(string.format("RESULT\t%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d\n",
        os.getenv("BENCH_SCENARIO"), #threads,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6), summary.requests, errors, summary.bytes))
end
