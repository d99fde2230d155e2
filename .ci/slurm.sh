# A one-node SLURM cluster in a temporary folder, for .ci/run (sourced; bash).
# slurm_up: installs slurm-wlm and munge if missing, generates a munge key, starts munged, slurmctld
# and slurmd from a generated slurm.conf (state, spool, logs, sockets in $SLURM_CI_DIR), exports
# SLURM_CONF and waits until the node is idle. slurm_down: stops the daemons it started, by their pids.
# Runs as root (the daemons and the jobs run as root).

SLURM_CI_PIDS=()

slurm_up() {
    if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null \
        || ! command -v sbatch >/dev/null; then
        echo ".ci: installing slurm-wlm and munge" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >&2
    fi
    SLURM_CI_DIR=$(mktemp -d /tmp/ballast-slurm.XXXXXX)
    chmod 700 "$SLURM_CI_DIR"
    local d=$SLURM_CI_DIR node cpus mem port
    mkdir -p "$d/munge" "$d/state" "$d/spool" "$d/log"
    chmod 700 "$d/munge"
    dd if=/dev/urandom of="$d/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$d/munge/munge.key"
    munged --foreground --force --key-file="$d/munge/munge.key" --socket="$d/munge/munge.socket" \
        --pid-file="$d/munge/munged.pid" --seed-file="$d/munge/munged.seed" --log-file="$d/log/munged.log" \
        >>"$d/log/munged.out" 2>&1 &
    SLURM_CI_PIDS+=($!)
    node=$(hostname -s)
    cpus=$(nproc)
    mem=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
    # Ports of our own, so that a SLURM already on the machine is left alone.
    port=$((20000 + RANDOM % 20000))
    cat > "$d/slurm.conf" <<CONF
ClusterName=ballastci
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$d/munge/munge.socket
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool/slurmd-%n
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/log/slurmctld.log
SlurmdLogFile=$d/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MaxArraySize=1001
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF=$d/slurm.conf
    local i
    for i in $(seq 50); do [ -S "$d/munge/munge.socket" ] && break; sleep 0.1; done
    slurmctld -D -c >>"$d/log/slurmctld.out" 2>&1 &
    SLURM_CI_PIDS+=($!)
    slurmd -D -N "$node" >>"$d/log/slurmd.out" 2>&1 &
    SLURM_CI_PIDS+=($!)
    for i in $(seq 120); do
        if sinfo --noheader --format=%T 2>/dev/null | grep -qx idle; then
            echo ".ci: SLURM up (node $node, $cpus CPUs, $mem MB, $SLURM_CONF)" >&2
            return 0
        fi
        sleep 0.5
    done
    echo ".ci: SLURM did not come up; its logs:" >&2
    tail -n 20 "$d"/log/* >&2
    return 1
}

slurm_down() {
    local pid i
    if [ -n "${SLURM_CONF:-}" ] && [ "${SLURM_CONF}" = "${SLURM_CI_DIR:-}/slurm.conf" ]; then
        # Jobs still queued or running (a failed test's) end first, so that no job step outlives slurmd.
        scancel --quiet --full "--user=$(id -un)" 2>/dev/null || true
        for i in $(seq 100); do
            [ -z "$(squeue --noheader 2>/dev/null)" ] && break
            sleep 0.2
        done
    fi
    # Newest first: slurmd, slurmctld, then munged.
    for ((i = ${#SLURM_CI_PIDS[@]} - 1; i >= 0; i--)); do
        pid=${SLURM_CI_PIDS[i]}
        if kill "$pid" 2>/dev/null; then
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    SLURM_CI_PIDS=()
    if [ -n "${SLURM_CI_DIR:-}" ] && [ -d "$SLURM_CI_DIR" ]; then
        rm -rf "$SLURM_CI_DIR"
    fi
}
