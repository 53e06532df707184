#!/usr/bin/env bash
# Static checks of docker/: CI runs this; no Docker engine needed.
#   1. compose.yaml is valid with no .env file and no variable set (every ${VAR} has a default).
#   2. The Dockerfile's runtime stage ends with a USER that is not root.
#   3. Every executable the runtime stage copies is built in the build stage and is a product in Package.swift,
#      and every executable compose.yaml runs is in the image.
#   4. Every path the build stage copies from the context exists.
# Usage: docker/check.sh   (from anywhere; COMPOSE overrides the compose command, default docker-compose)
set -uo pipefail
set -f  # no globbing: Dockerfile sources such as Package.resolve[d] are patterns to report, not to expand

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dockerfile="$here/Dockerfile"
compose_file="$here/compose.yaml"
manifest="$root/Package.swift"
compose="${COMPOSE:-docker-compose}"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

for file in "$dockerfile" "$compose_file" "$manifest"; do
    [[ -f "$file" ]] || { echo "FAIL: $file is missing" >&2; exit 1; }
done

# 1. compose config, with an empty env file and every variable the file mentions removed from the environment.
variables=$(grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*' "$compose_file" | cut -c3- | sort -u)
unset_args=()
for variable in $variables; do unset_args+=(-u "$variable"); done
if undefaulted=$(grep -nE '\$\{[A-Za-z_][A-Za-z0-9_]*(\}|:?\?)' "$compose_file"); then
    fail "compose.yaml uses variables without a default (write \${VAR:-default}):"$'\n'"$undefaulted"
fi
if ! command -v "${compose%% *}" > /dev/null; then
    fail "'$compose' not found; install docker-compose or set COMPOSE (e.g. COMPOSE='docker compose')"
elif empty_env=$(mktemp) && trap 'rm -f "$empty_env"' EXIT \
    && output=$(cd "$here" && env "${unset_args[@]}" $compose --env-file "$empty_env" -f "$compose_file" config -q 2>&1); then
    if grep -qi 'not set' <<< "$output"; then
        fail "compose config warns about unset variables:"$'\n'"$output"
    else
        pass "compose config -q (no env file; unset: $(echo $variables | tr '\n' ' '))"
    fi
else
    fail "compose config -q rejected compose.yaml:"$'\n'"$output"
fi

# The runtime stage: from the last FROM to the end of the file, without comments and continuation lines joined.
logical=$(sed -e 's/^[[:space:]]*#.*$//' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n/ /; ta')
runtime=$(awk 'toupper($1) == "FROM" { stage = "" } { stage = stage $0 "\n" } END { printf "%s", stage }' <<< "$logical")
build=$(awk 'toupper($1) == "FROM" { n++ } n == 1' <<< "$logical")

# 2. USER in the runtime stage, not root.
user=$(awk 'toupper($1) == "USER" { last = $2 } END { print last }' <<< "$runtime")
if [[ -z "$user" ]]; then
    fail "the Dockerfile's runtime stage has no USER: the containers would run as root"
elif [[ "${user%%:*}" == "root" || "${user%%:*}" == "0" ]]; then
    fail "the Dockerfile's runtime stage runs as '$user' (root)"
else
    pass "runtime stage runs as USER $user"
fi

# 3. Executables: copied into the runtime image, built, declared as products, and run by compose.
copied=$(grep -iE '^[[:space:]]*COPY[[:space:]]+--from=build' <<< "$runtime" | grep -oE '/out/[A-Za-z0-9_-]+' | cut -c6- | sort -u)
built=$(grep -oE 'for product in [^;]*;' <<< "$build" | head -1 | sed -e 's/^for product in //' -e 's/;$//' | tr ' ' '\n' | grep -v '^$' | sort -u)
if [[ -z "$copied" ]]; then
    fail "the runtime stage copies no executable from /out of the build stage"
fi
for executable in $copied; do
    if ! grep -qF ".executable(name: \"$executable\"" "$manifest"; then
        fail "the image copies '$executable', but Package.swift declares no .executable(name: \"$executable\""
    elif ! grep -qxF "$executable" <<< "$built"; then
        fail "the image copies '$executable', but the build stage's 'for product in' loop does not build it"
    else
        pass "executable $executable: a product in Package.swift, built and copied"
    fi
done
run_by_compose=$(grep -oE '^[[:space:]]*command:[[:space:]]*\[[[:space:]]*"[^"]+"' "$compose_file" | grep -oE '"[^"]+"$' | tr -d '"' | sort -u)
healthcheck_tools=$(grep -oE 'test:[[:space:]]*\["CMD",[[:space:]]*"[^"]+"' "$compose_file" | grep -oE '"[^"]+"$' | tr -d '"' | sort -u)
for executable in $(printf '%s\n' $run_by_compose $healthcheck_tools | sort -u); do
    [[ "$executable" == "postgres" ]] && continue  # the postgres image's own command
    if grep -qxF "$executable" <<< "$copied"; then
        pass "compose runs $executable, which the image carries"
    else
        fail "compose.yaml runs '$executable', which the image does not carry"
    fi
done

# 4. What the build stage copies from the context exists (relative to the repository root).
sources=$(grep -iE '^[[:space:]]*COPY[[:space:]]' <<< "$build" | grep -viE -- '--from=' \
    | awk '{ for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }')
for source in $sources; do
    if [[ "$source" == *'['* ]]; then  # an optional file, e.g. Package.resolve[d]
        pass "build context: $source is optional"
        continue
    fi
    if [[ -e "$root/$source" ]]; then
        pass "build context has $source"
    else
        fail "the Dockerfile copies '$source', which is not in the repository root"
    fi
done

if (( failures > 0 )); then
    echo "docker/check.sh: $failures check(s) failed" >&2
    exit 1
fi
echo "docker/check.sh: all checks passed"
