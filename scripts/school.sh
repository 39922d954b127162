#!/usr/bin/env bash
# A whole school on this one machine, for trying docs/scaling.md and for the cluster tests and bench/cluster.py:
# PostgreSQL, a Ray head and one Ray worker node, an S3 stand-in (moto), two app servers for one class, and HAProxy
# in front of them on 127.0.0.1:8600. Run as root (network namespaces need it):
#
#   bash scripts/school.sh up          # start it all; prints "ready: http://127.0.0.1:8600 (netns mnist-school)"
#   bash scripts/school.sh status      # what runs, what answers
#   bash scripts/school.sh run CMD...  # CMD inside the school's network, with .school/env exported
#   bash scripts/school.sh down        # stop everything it started (safe when half up)
#
# For the failure tests: kill-node / start-node (the Ray worker node, killed as a machine dying would be),
# kill-app N / start-app N (app server N, 1 or 2), stop-db / start-db (PostgreSQL).
#
# Everything runs inside a loopback-only network namespace, mnist-school. Ray rewrites --node-ip-address=127.0.0.1
# to the machine's address and listens on every interface, with no authentication unless asked: the namespace, which
# has nothing but its own loopback, keeps the school off the network. So the school's addresses (127.0.0.1:8600 and
# the rest) exist only inside it: use `school.sh run curl ...`, `school.sh run .venv/bin/python ...`.
#
# The caller's MNIST_APP_TRAIN_LIMIT, MNIST_APP_MAP_IMAGES, MNIST_APP_TEACHER_PASSWORD and MNIST_APP_DATA_DIR (and
# any other MNIST_APP_ setting) reach the app servers and the Ray nodes. State: .school/ (env with the database's
# password and Ray's token, pids, logs; ignored by git); data (PostgreSQL's files, Ray's session, the runs folder)
# in a temporary folder that `down` deletes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

NETNS=mnist-school
STATE=$ROOT/.school                   # env, folder (the temporary folder's path), pids/, logs/
PY=$ROOT/.venv/bin/python
RAY=$ROOT/.venv/bin/ray
PGBIN=/usr/lib/postgresql/15/bin      # Debian's PostgreSQL 15

DOOR_PORT=8600                        # HAProxy: where the class connects
APP_PORTS=(8601 8602)                 # app servers 1 and 2, each `mnist_core serve` (its own door, one Streamlit)
DB_PORT=5432
S3_PORT=9000
BUCKET=mnist-runs
RAY_PORT=6379                         # the head's GCS: MNIST_APP_CLUSTER=127.0.0.1:6379

# Two Ray nodes on one machine must not share a port (NOTES §10). The head, then the worker node.
HEAD_PORTS=(--port=$RAY_PORT --ray-client-server-port=10001
    --node-manager-port=6380 --object-manager-port=6381 --min-worker-port=10100 --max-worker-port=10199
    --dashboard-agent-listen-port=52365 --dashboard-agent-grpc-port=52366 --metrics-export-port=52367
    --runtime-env-agent-port=52368)
WORKER_PORTS=(--node-manager-port=6390 --object-manager-port=6391 --min-worker-port=10200 --max-worker-port=10299
    --dashboard-agent-listen-port=52375 --dashboard-agent-grpc-port=52376 --metrics-export-port=52377
    --runtime-env-agent-port=52378)
# One CPU each (two nodes on two cores), a small object store (models are a few MB), no dashboard (2-4 s of start-up).
RAY_NODE=(--num-cpus=1 --object-store-memory=100000000 --disable-usage-stats --node-ip-address=127.0.0.1 --block)

say() { echo "school: $*" >&2; }
die() { say "$*"; exit 1; }

# ---------------------------------------------------------------- helpers

# CMD inside the namespace.
in_ns() { ip netns exec "$NETNS" "$@"; }

# NAME CMD...: start CMD in the background inside the namespace, in a process group of its own (setsid: killing the
# group kills all it started), its output in logs/NAME.log, its pid in pids/NAME.
start_bg() {
    local name=$1
    shift
    setsid ip netns exec "$NETNS" "$@" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$STATE/pids/$name"
}

# NAME: the pid in pids/NAME when that process still runs, else nothing.
live_pid() {
    local file=$STATE/pids/$1
    [[ -f $file ]] || return 0
    local pid
    pid=$(<"$file")
    if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

# PID...: those processes and all their descendants (Ray's raylet starts its workers in sessions of their own, so
# a process group alone misses them).
with_descendants() {
    local table
    table=$(ps -e -o pid=,ppid=)
    local all=" $* " added=1 pid ppid
    while ((added)); do
        added=0
        while read -r pid ppid; do
            if [[ $all == *" $ppid "* && $all != *" $pid "* ]]; then
                all+="$pid "
                added=1
            fi
        done <<<"$table"
    done
    echo $all
}

# NAME: SIGKILL the process group NAME leads and everything it started, as a machine dying would: no goodbye to
# anyone, no clean shutdown.
kill_group() {
    local pid
    pid=$(live_pid "$1")
    [[ -n $pid ]] || { say "$1 is not running"; return 0; }
    # shellcheck disable=SC2046 # word splitting wanted: one pid per word
    kill -KILL $(with_descendants $(pgrep -g "$pid")) 2>/dev/null || true
    rm -f "$STATE/pids/$1"
}

# NAME SECONDS WHAT CMD...: run CMD (quietly) every half second until it succeeds; give up after SECONDS, or as
# soon as the process NAME started has ended.
wait_for() {
    local name=$1 seconds=$2 what=$3
    shift 3
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [[ -n $(live_pid "$name") ]] || die "$what ended as it started: $STATE/logs/$name.log"
        ((SECONDS < deadline)) || die "$what did not come up in ${seconds} s (logs: $STATE/logs/)"
        sleep 0.5
    done
}

healthy() { in_ns curl -fsS --max-time 3 "$1/_stcore/health"; }

# The school's settings, for this script's own commands and for `run`.
load_env() {
    [[ -f $STATE/env ]] || die "the school is not up (bash scripts/school.sh up)"
    set -a
    # shellcheck source=/dev/null
    source "$STATE/env"
    set +a
    FOLDER=$(<"$STATE/folder")
}

ray_nodes() { in_ns "$RAY" status --address="127.0.0.1:$RAY_PORT" 2>/dev/null | grep -c '^ *1 node_' || true; }
nodes_are() { [[ $(ray_nodes) == "$1" ]]; }

# ---------------------------------------------------------------- the parts

# PostgreSQL through harness/postgres.py: initdb in the temporary folder on first use (a random password, loopback
# and a Unix socket only, run as Debian's postgres user since PostgreSQL refuses root), then pg_ctl start; it prints
# the URL, password included.
start_db() { in_ns "$PY" -m harness.postgres up --folder "$FOLDER/postgres" --port $DB_PORT; }
stop_db() { [[ -z ${FOLDER:-} ]] || in_ns "$PY" -m harness.postgres down --folder "$FOLDER/postgres" >/dev/null || true; }
db_answers() { in_ns "$PGBIN/pg_isready" -q -h 127.0.0.1 -p $DB_PORT; }

# moto's S3 server through harness/s3.py, with the bucket made; it keeps everything in memory.
start_s3() {
    in_ns "$PY" -m harness.s3 up --port $S3_PORT --bucket $BUCKET --pid-file "$STATE/pids/s3" \
        --log "$STATE/logs/s3.log" >/dev/null
}

# Ray notices a dead node after health_check_failure_threshold checks, health_check_period_ms apart: 1 s and 3
# instead of Ray's defaults, so a killed node's training is requeued in seconds (measured 14.7 s with the defaults).
# PYTHONPATH: a training task imports mnist_core on whichever node runs it.
RAY_ENV=(env RAY_health_check_initial_delay_ms=1000 RAY_health_check_period_ms=1000 RAY_health_check_timeout_ms=1000
    RAY_health_check_failure_threshold=3 PYTHONPATH="$ROOT")

start_head() {
    start_bg ray-head "${RAY_ENV[@]}" "$RAY" start --head --include-dashboard=false "${RAY_NODE[@]}" "${HEAD_PORTS[@]}" --temp-dir="$FOLDER/ray"
    wait_for ray-head 90 "the Ray head" nodes_are 1
}

start_node() {
    # Its own temporary folder: in a real school this is another machine.
    start_bg ray-node "${RAY_ENV[@]}" "$RAY" start --address="127.0.0.1:$RAY_PORT" "${RAY_NODE[@]}" "${WORKER_PORTS[@]}" \
        --temp-dir="$FOLDER/ray"
    wait_for ray-node 90 "the Ray worker node" nodes_are 2
}

# Each app server has a runs cache of its own, as on machines of their own: a run reaches the other only through the
# shared store (S3), never through a folder they share.
start_app() {
    local n=$1 port=${APP_PORTS[$1 - 1]}
    start_bg "app-$n" env MNIST_APP_RUNS_DIR="$FOLDER/app-$n/runs" \
        "$PY" -m mnist_core serve --processes 1 --server.address 127.0.0.1 --server.port "$port"
}

wait_app() { wait_for "app-$1" 240 "app server $1" healthy "http://127.0.0.1:${APP_PORTS[$1 - 1]}"; }

start_door() {
    DOOR_ADDRESS=127.0.0.1:$DOOR_PORT APP_SERVER_1=127.0.0.1:${APP_PORTS[0]} APP_SERVER_2=127.0.0.1:${APP_PORTS[1]} \
        envsubst '${DOOR_ADDRESS} ${APP_SERVER_1} ${APP_SERVER_2}' <deploy/haproxy.cfg >"$FOLDER/haproxy.cfg"
    haproxy -c -q -f "$FOLDER/haproxy.cfg"
    start_bg haproxy haproxy -db -f "$FOLDER/haproxy.cfg"
    wait_for haproxy 60 "HAProxy" healthy "http://127.0.0.1:$DOOR_PORT"
}

# ---------------------------------------------------------------- the commands

up() {
    [[ $EUID -eq 0 ]] || die "run as root: a network namespace needs it"
    if ip netns list | grep -qw "$NETNS"; then
        if [[ -f $STATE/env ]] && healthy "http://127.0.0.1:$DOOR_PORT" >/dev/null 2>&1; then
            say "already up: http://127.0.0.1:$DOOR_PORT (netns $NETNS)"
            return 0
        fi
        die "the namespace $NETNS exists but the school does not answer: bash scripts/school.sh down, then up"
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE/pids" "$STATE/logs"
    FOLDER=$(mktemp -d /tmp/mnist-school.XXXXXX)
    chmod 755 "$FOLDER"  # PostgreSQL's user must reach its folder inside
    echo "$FOLDER" >"$STATE/folder"

    say "network namespace $NETNS (loopback only)"
    ip netns add "$NETNS"
    in_ns ip link set lo up

    say "PostgreSQL on 127.0.0.1:$DB_PORT"
    local database_url
    database_url=$(start_db)
    say "S3 stand-in (moto) on 127.0.0.1:$S3_PORT, bucket $BUCKET"
    start_s3
    (
        umask 077
        cat >"$STATE/env" <<EOF
# The school on one machine (scripts/school.sh): source it inside the namespace, or use school.sh run CMD.
export MNIST_APP_CLUSTER=127.0.0.1:$RAY_PORT
export MNIST_APP_DATABASE_URL=$database_url
export MNIST_APP_RUNS_URL=s3://$BUCKET/runs
export MNIST_APP_CLASS_NAME=${MNIST_APP_CLASS_NAME:-year-7}
export MNIST_APP_RUNS_DIR=${MNIST_APP_RUNS_DIR:-$FOLDER/runs}
export AWS_ACCESS_KEY_ID=school
export AWS_SECRET_ACCESS_KEY=school
export AWS_DEFAULT_REGION=us-east-1
export AWS_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
export MNIST_SCHOOL_APPS="http://127.0.0.1:${APP_PORTS[0]} http://127.0.0.1:${APP_PORTS[1]}"
export MNIST_SCHOOL_DOOR=http://127.0.0.1:$DOOR_PORT
export RAY_USAGE_STATS_ENABLED=0
# Ray's token authentication (docs/scaling.md): every node and every client presents this token.
export RAY_AUTH_MODE=token
export RAY_AUTH_TOKEN_PATH=$STATE/ray-token
EOF
        # The caller's own MNIST_APP_ settings (a training limit, the teacher's password ...), so that `run` gives
        # the tests and benchmarks the settings the app servers and nodes have.
        local name
        for name in $(compgen -e | grep '^MNIST_APP_' || true); do
            grep -q "^export $name=" "$STATE/env" || printf 'export %s=%q\n' "$name" "${!name}" >>"$STATE/env"
        done
        "$PY" -c 'import secrets; print(secrets.token_hex(32))' >"$STATE/ray-token"
    )
    load_env

    say "Ray head on 127.0.0.1:$RAY_PORT"
    start_head
    say "Ray worker node"
    start_node
    say "app servers on ${APP_PORTS[*]} (Streamlit starting: a minute or so)"
    start_app 1
    start_app 2
    wait_app 1
    wait_app 2
    say "HAProxy on 127.0.0.1:$DOOR_PORT"
    start_door
    echo "ready: http://127.0.0.1:$DOOR_PORT (netns $NETNS)"
}

down() {
    local folder=""
    [[ -f $STATE/folder ]] && folder=$(<"$STATE/folder")
    FOLDER=$folder
    if ip netns list | grep -qw "$NETNS"; then
        stop_db  # a clean shutdown first; the rest may simply be stopped
        # Every process in the namespace, whoever started it: `ray stop` would stop every Ray on the machine (it
        # finds them by name), including other people's.
        local pids
        pids=$(ip netns pids "$NETNS" | tr '\n' ' ')
        if [[ -n ${pids// /} ]]; then
            say "stopping $(wc -w <<<"$pids") processes"
            kill -TERM $pids 2>/dev/null || true
            local deadline=$((SECONDS + 15))
            while [[ -n $(ip netns pids "$NETNS") ]] && ((SECONDS < deadline)); do sleep 0.5; done
            pids=$(ip netns pids "$NETNS" | tr '\n' ' ')
            [[ -z ${pids// /} ]] || kill -KILL $pids 2>/dev/null || true
            sleep 0.5
        fi
        ip netns del "$NETNS"
        say "namespace $NETNS deleted"
    fi
    if [[ -n $folder && $folder == /tmp/mnist-school.* ]]; then rm -rf "$folder"; fi
    rm -rf "$STATE/pids" "$STATE/env" "$STATE/folder"
    say "down (logs kept in $STATE/logs/)"
}

status() {
    if ! ip netns list | grep -qw "$NETNS" || [[ ! -f $STATE/env ]]; then
        echo "down"
        return 0
    fi
    load_env
    local name pid
    for name in ray-head ray-node s3 app-1 app-2 haproxy; do
        pid=$(live_pid "$name")
        if [[ -n $pid ]]; then printf '%-9s running, pid %s\n' "$name" "$pid"; else printf '%-9s not running\n' "$name"; fi
    done
    if db_answers; then echo "postgres  running"; else echo "postgres  not running"; fi
    echo "ray nodes $(ray_nodes)"
    local url
    for url in $MNIST_SCHOOL_APPS $MNIST_SCHOOL_DOOR; do
        printf '%-22s %s\n' "$url" "$(healthy "$url" 2>/dev/null || echo 'no answer')"
    done
}

main() {
    local command=${1:-}
    shift || true
    case $command in
    up) up ;;
    down) down ;;
    status) status ;;
    kill-node) load_env && kill_group ray-node && say "worker node killed (SIGKILL)" ;;
    start-node) load_env && [[ -z $(live_pid ray-node) ]] && start_node && say "worker node back: $(ray_nodes) nodes" ;;
    kill-app) load_env && kill_group "app-${1:?which app server: 1 or 2}" && say "app server $1 killed (SIGKILL)" ;;
    start-app)
        load_env
        [[ ${1:-} == [12] ]] || die "which app server: 1 or 2"
        [[ -z $(live_pid "app-$1") ]] || die "app server $1 is running"
        start_app "$1" && wait_app "$1" && say "app server $1 back"
        ;;
    stop-db) load_env && stop_db && say "PostgreSQL stopped" ;;
    start-db) load_env && start_db >/dev/null && say "PostgreSQL back" ;;
    run)
        load_env
        [[ $# -gt 0 ]] || die "run what? e.g. bash scripts/school.sh run curl -s \$MNIST_SCHOOL_DOOR/_stcore/health"
        exec ip netns exec "$NETNS" "$@"
        ;;
    *)
        sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        [[ -z $command ]] || exit 2
        ;;
    esac
}

main "$@"
