#!/usr/bin/env bash
# make demo: the embedded database, the pipelines, and the sample account's
# decision chain, timeline, journey map, plan and pipeline report.
set -euo pipefail
D=${DCHAIN:-.build/debug/dchain}
export DCHAIN="$D"
TODAY=${DEMO_TODAY:-2026-09-01}
A=市数据局
DEAL=城市数据中台项目
h() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

h "dchain db migrate  (starts the embedded PostgreSQL on first use)"
"$D" db migrate
h "dchain db status"
"$D" db status
h "dchain pipeline list"
"$D" pipeline list
h "dchain pipeline list --lang zh"
"$D" pipeline list --lang zh
h "loading the sample account"
scripts/load-sample.sh
h "dchain role list $DEAL  (decision chain)"
"$D" role list "$DEAL" --account "$A"
h "dchain role list $DEAL --lang zh"
"$D" role list "$DEAL" --account "$A" --lang zh
h "dchain touchpoints $A  (timeline)"
"$D" touchpoints "$A"
h "dchain touchpoints $A --lang zh"
"$D" touchpoints "$A" --lang zh
mkdir -p out
h "dchain map $A --today $TODAY  (journey map, text)"
"$D" map "$A" --today "$TODAY" --out out/journey-map.txt
cat out/journey-map.txt
"$D" map "$A" --today "$TODAY" --format html --out out/journey-map.html
"$D" map "$A" --today "$TODAY" --format html --lang zh --out out/journey-map.zh.html
echo "(HTML journey map written to out/journey-map.html and out/journey-map.zh.html)"
h "dchain survey list $A  (NPS, CSAT, CES: the map's metrics lane; targets: dchain metric list)"
"$D" survey list "$A"
h "dchain persona build --role TB  (the sample and the three shipped cases, loaded together in workspace personas)"
P=(--workspace personas)
DCHAIN_WORKSPACE=personas scripts/load-sample.sh >/dev/null
"$D" account show 江城市政务服务管理局 "${P[@]}" >/dev/null 2>&1 || "$D" case load gov-contract-dip platform-signup-dropoff soe-hidden-eb "${P[@]}"
"$D" persona build --role TB --level manager "${P[@]}"
"$D" map "$A" --today "$TODAY" --persona TB --format html "${P[@]}" --out out/map-persona.html
echo "(the map seen as the TB persona written to out/map-persona.html)"
h "dchain day $A --who 周婷  (a day in the life of the window clerk, observed on site)"
"$D" day "$A" --who 周婷 --lang zh
"$D" day "$A" --who 周婷 --format html --lang zh --out out/day.zh.html
echo "(HTML day in the life written to out/day.zh.html)"
h "dchain plan $A --today $TODAY  (communication plan)"
"$D" plan "$A" --today "$TODAY"
h "dchain report pipeline --today $TODAY  (the manager's Monday view)"
"$D" report pipeline --today "$TODAY"
"$D" report pipeline --today "$TODAY" --format html --out out/pipeline-report.html
echo "(HTML pipeline report written to out/pipeline-report.html)"
h "dchain report deal $DEAL --today $TODAY  (one-deal review sheet)"
"$D" report deal "$DEAL" --account "$A" --today "$TODAY"
"$D" report deal "$DEAL" --account "$A" --today "$TODAY" --format html --out out/deal-review.html
echo "(HTML review sheet written to out/deal-review.html)"
