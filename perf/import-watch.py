#!/usr/bin/env python3
"""Uploads a file as an import and watches it through the API until it ends (part of
perf/import-benchmark.sh).

  import-watch.py BASE TOKEN UPLOAD_PATH FILE LABEL

Sends FILE as text/csv to BASE + UPLOAD_PATH (POST /api/v1/sites/{id}/imports?...) and takes the
import's id from the answer; the clock starts just before the upload, in this process, so that no
program's start is counted in the import's time (post: the upload request alone).

Polls GET /api/v1/imports/{id} every 0.2 s; a change of any count (read, inserted, updated,
unchanged, movedOut, skipped), of the step the import is in (read, check, apply, move-out,
clean-up: the portal shows it) or of the status is progress. Prints one line of key=value figures:
status, counts, seconds (from STARTED_EPOCH, the moment the upload began, to the first poll that
sees the import ended), job_seconds (the import's own createdAt to finishedAt) and max_gap (the
longest time between two progress changes while the import ran, and max_gap_at: the states before
and after it), and steps: the seconds from the upload's start until the first poll that saw the
import in a step ("upload"), then in each step seen, to the next (to within a poll); first_answer
(from STARTED_EPOCH to the first answer) and slowest_poll (the longest a GET took).
"""
import datetime, http.client, json, os, sys, time, urllib.parse, urllib.request

base, token, upload_path, upload_file, label = sys.argv[1:6]


def upload():
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600, blocksize=1 << 20)
    with open(upload_file, "rb") as body:
        conn.request("POST", upload_path, body=body,
                     headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv",
                              "Content-Length": str(os.path.getsize(upload_file))})
        answer = conn.getresponse()
        text = answer.read()
    conn.close()
    if answer.status != 202:
        sys.exit(f"upload refused: {answer.status} {text!r}")
    return json.loads(text)["id"]


started = time.time()
import_id = upload()
post = time.time() - started
KEYS = ("read", "inserted", "updated", "unchanged", "movedOut", "skipped")


def get():
    req = urllib.request.Request(f"{base}/api/v1/imports/{import_id}",
                                 headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


last_state, last_change, max_gap, view, gap_at = None, time.time(), 0.0, None, ""
steps, step, step_since = [], "upload", started
first_answer, slowest_poll = None, 0.0
while True:
    try:
        asked = time.time()
        view = get()
        slowest_poll = max(slowest_poll, time.time() - asked)
        if first_answer is None:
            first_answer = time.time() - started
    except Exception as e:  # the server is busy: a slow answer is itself a gap
        print(f"poll failed: {e}", file=sys.stderr)
        time.sleep(0.2)
        continue
    now = time.time()
    state = (view["status"], view.get("step")) + tuple(view.get(k, 0) for k in KEYS)
    if view.get("step") and view.get("step") != step:
        steps.append(f"{step}:{now - step_since:.1f}")
        step, step_since = view.get("step"), now
    if state != last_state:
        if now - last_change > max_gap:
            # where the longest wait was: the step and counts before it and after it
            max_gap, gap_at = now - last_change, f"{last_state}->{state}"
        last_state, last_change = state, now
    if view["status"] in ("COMPLETED", "FAILED", "STOPPED"):
        break
    time.sleep(0.2)
end = time.time()
steps.append(f"{step}:{end - step_since:.1f}")


def ts(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


job = (ts(view["finishedAt"]) - ts(view["createdAt"])).total_seconds() if view.get("finishedAt") else -1
print(f"{label} status={view['status']} " + " ".join(f"{k}={view.get(k, 0)}" for k in KEYS)
      + f" seconds={end - started:.2f} job_seconds={job:.2f} max_gap={max_gap:.2f}s"
      + f" max_gap_at={gap_at.replace(' ', '')} steps={','.join(steps)}"
      + f" first_answer={first_answer:.2f} slowest_poll={slowest_poll:.2f} post={post:.2f}"
      + (f" reason={view.get('failureReason')!r}" if view["status"] != "COMPLETED" else ""))
