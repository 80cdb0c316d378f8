#!/usr/bin/env bash
# Loads the bilingual sample account 市数据局 (Municipal Data Bureau) through
# ordinary dchain commands: seven stakeholders over three levels, a
# government-procurement deal moved through nine stages, twenty touchpoints
# with emotions, quotes, pain points and our responses. It dips at contract
# negotiation over unclear contract terms (the seed's case one).
# Loading it twice adds nothing: an existing sample is left as it is.
set -euo pipefail
D=${DCHAIN:-dchain}
A=市数据局
if $D account show "$A" >/dev/null 2>&1; then
    echo "sample account $A is already loaded"
    exit 0
fi
q() { "$D" "$@" >/dev/null; }

q account add "$A" --kind government --code GOV-SZJ-001 --region "华东 East China" --industry "政务 Government services" \
    --owner zhang.wei --team "政府一组 Gov Team 1"
q unit add "$A" "局领导 Bureau leadership"
q unit add "$A" "信息技术处 IT Division" --parent "局领导 Bureau leadership"
q unit add "$A" "采购办 Procurement Office" --parent "局领导 Bureau leadership"
q unit add "$A" "数据资源科 Data Resources Section" --parent "信息技术处 IT Division"
q unit add "$A" "政务服务科 Citizen Services Section" --parent "局领导 Bureau leadership"

q stakeholder add "$A" 王建国 --title "局长 Director-General" --level executive --unit "局领导 Bureau leadership" --channel visit --phone 0571-8800-0001
q stakeholder add "$A" 陈志强 --title "副局长 Deputy Director-General" --level executive --unit "局领导 Bureau leadership" --reports-to 王建国 --channel meeting
q stakeholder add "$A" 李敏 --title "信息技术处处长 Head of IT Division" --level manager --unit "信息技术处 IT Division" --reports-to 陈志强 --channel wechat --wechat limin_it
q stakeholder add "$A" 赵磊 --title "采购办主任 Head of Procurement" --level manager --unit "采购办 Procurement Office" --reports-to 陈志强 --channel email --email zhaolei@example.gov.cn
q stakeholder add "$A" 刘洋 --title "数据资源科科长 Data Section Chief" --level manager --unit "数据资源科 Data Resources Section" --reports-to 李敏 --channel wechat
q stakeholder add "$A" 孙丽 --title "业务骨干 Senior Case Officer" --level staff --unit "政务服务科 Citizen Services Section" --reports-to 陈志强 --channel call
q stakeholder add "$A" 周婷 --title "窗口工作人员 Service Window Clerk" --level staff --unit "政务服务科 Citizen Services Section" --reports-to 孙丽

DEAL=城市数据中台项目
q deal add "$A" "$DEAL" --pipeline government --method public-tender --amount 4800000 --currency CNY \
    --on 2026-03-02 --close-by 2026-09-30 --owner zhang.wei

# Stage history first: each touchpoint takes the stage the deal was in on its day.
q deal move "$DEAL" approval --account "$A" --on 2026-03-20
q deal move "$DEAL" intention --account "$A" --on 2026-04-25
q deal move "$DEAL" specification --account "$A" --on 2026-05-20
q deal move "$DEAL" tender-notice --account "$A" --on 2026-06-25
q deal move "$DEAL" bidding --account "$A" --on 2026-07-10
q deal move "$DEAL" evaluation --account "$A" --on 2026-07-25
q deal move "$DEAL" award --account "$A" --on 2026-08-05
q deal move "$DEAL" contract --account "$A" --on 2026-08-12


q role set "$DEAL" 刘洋 Coach --account "$A" --influence medium --stance champion --mode growth --rating 4 --win "数据治理成果获表彰 recognition for data governance" --on 2026-03-05
q role set "$DEAL" 李敏 TB --account "$A" --influence high --stance neutral --mode even-keel --rating 1 --win "系统稳定、少加班 a stable system, fewer late nights" --on 2026-03-10
q role set "$DEAL" 赵磊 TB --account "$A" --influence medium --stance neutral --mode even-keel --rating 0 --win "采购合规零质疑 a procurement nobody can challenge" --on 2026-04-25
q role set "$DEAL" 孙丽 UB --account "$A" --influence medium --stance supporter --mode trouble --rating 2 --win "办件更快 faster case handling" --on 2026-03-25
q role set "$DEAL" 周婷 UB --account "$A" --influence low --stance supporter --mode trouble --rating 2 --on 2026-06-01
q role set "$DEAL" 王建国 EB --account "$A" --influence high --stance supporter --mode growth --rating 3 --win "数字政府考核排名 the digital-government ranking" --on 2026-03-15
q role set "$DEAL" 陈志强 TB --account "$A" --influence high --stance skeptic --mode overconfident --rating -1 --win "预算可控 a budget he can defend" --on 2026-04-01

L() { q log "$A" --deal "$DEAL" "$@"; }
L --channel visit --on "2026-03-05 10:00" --summary "初次拜访数据资源科 first visit to the data section" \
  --with "刘洋:2:interested" --quote "刘洋:各委办局数据不通，我们天天人工对表" --pain "刘洋:跨部门数据无法共享 data cannot be shared across departments:high" \
  --response "介绍数据中台方案 introduced the data-platform approach"
L --channel meeting --on "2026-03-10 14:30" --summary "信息技术处需求访谈 IT needs interview" \
  --with "李敏:0:neutral" --with "刘洋:1:interested" --need "李敏:与现有政务云兼容 must run on the existing gov cloud"
L --channel visit --on "2026-03-15 09:30" --summary "拜访王局长，汇报数字政府考核思路 briefing the DG on the ranking" \
  --with "王建国:2:interested" --quote "王建国:今年考核排名必须进前三" --response "提交一页纸价值说明 one-page value brief"
L --channel site-survey --on "2026-03-25 10:00" --summary "窗口现场调研 service-window survey" \
  --with "孙丽:-1:frustrated" --with "周婷:-1:anxious" --pain "孙丽:一件事要录入三个系统 one case typed into three systems:high" \
  --response "演示一次录入多处共享 showed enter-once, share-everywhere"
L --channel meeting --on "2026-04-03 15:00" --summary "立项汇报 project-approval briefing" \
  --with "陈志强:-1:skeptical" --with "李敏:1:interested" --quote "陈志强:预算只有四百万，超了谁负责？" \
  --pain "陈志强:预算超支风险 budget overrun risk:high" --response "提供分期实施方案 offered a phased plan"
L --channel call --on "2026-04-12 11:00" --summary "教练通报立项进展 coach update on approval" --with "刘洋:2:trusting"
L --channel email --on "2026-04-28 09:00" --summary "采购意向公开后确认时间表 timeline after the intention notice" \
  --with "赵磊:0:neutral" --need "赵磊:采购流程完全合规 a fully compliant procurement"
L --channel demo --on "2026-05-08 14:00" --summary "产品演示 product demo for users" \
  --with "孙丽:2:satisfied" --with "周婷:2:delighted" --with "李敏:1:interested" --quote "周婷:这样我们窗口能少排队一半"
L --channel meeting --on "2026-05-22 10:00" --summary "需求论证会 requirements review" \
  --with "李敏:1:satisfied" --with "赵磊:0:neutral" --need "李敏:国产化适配 domestic hardware and OS support"
L --channel wechat --on "2026-06-05 20:15" --summary "教练提示评分办法 coach on scoring rules" --with "刘洋:2:trusting" \
  --quote "刘洋:技术分占六成，服务承诺很关键"
L --channel tender-document --on "2026-06-26 09:00" --summary "获取招标文件 tender documents obtained" --with "赵磊:0:neutral"
L --channel visit --on "2026-07-01 10:30" --summary "向王局长汇报投标准备 DG briefing before bidding" --with "王建国:2:trusting" --with "陈志强:0:neutral"
L --channel bid-clarification --on "2026-07-15 15:00" --summary "投标澄清 bid clarification" \
  --with "赵磊:1:satisfied" --with "李敏:1:interested"
L --channel event --on "2026-07-28 09:00" --summary "评标答辩 bid defence" --with "李敏:2:satisfied" --with "陈志强:1:interested"
L --channel call --on "2026-08-06 16:00" --summary "中标通知后致谢 thanks after the award" --with "刘洋:3:delighted" --with "孙丽:2:satisfied"
L --channel contract-review --on "2026-08-14 10:00" --summary "合同初稿评审 first contract review" \
  --with "李敏:-2:frustrated" --with "赵磊:-1:anxious" --quote "李敏:验收标准和运维责任写得不清楚，这合同我签不了字" \
  --pain "李敏:合同条款不清晰 unclear contract terms (acceptance, O&M duties):high" \
  --pain "赵磊:付款节点与验收脱节 payment milestones not tied to acceptance:medium"
L --channel meeting --on "2026-08-20 14:00" --summary "合同谈判 contract negotiation" \
  --with "李敏:-2:frustrated" --with "陈志强:-1:skeptical" --quote "陈志强:运维费用每年都要涨吗？" \
  --pain "陈志强:运维费用不透明 unclear O&M costs:medium"
L --channel wechat --on "2026-08-25 21:00" --summary "教练提醒合同风险 coach warns about the contract" --with "刘洋:-1:anxious" \
  --quote "刘洋:李处不点头，局长不会签"
L --channel call --on "2026-08-28 10:00" --summary "与采购办确认付款节点 payment milestones with procurement" \
  --with "赵磊:1:satisfied" --response "付款节点改为按验收阶段 milestones now follow acceptance"

# One observed working day of the UB 周婷 at her service window (day in the life).
q observe "$A" --who 周婷 --on 2026-03-26 --deal "$DEAL" --from-file "$(dirname "$0")/sample/window-clerk-day.txt"

# Experience surveys at key moments (each lands in the stage the deal was in that day), and the team's targets.
S() { q survey "$A" --deal "$DEAL" "$@"; }
S --who 王建国 --nps 9 --on 2026-03-16 --comment "价值说明很清楚 the value brief was clear"
S --who 陈志强 --nps 5 --on 2026-04-04 --comment "预算风险没讲透 budget risk not addressed"
S --who 刘洋 --nps 10 --on 2026-04-12
S --who 孙丽 --csat 5 --on 2026-05-08
S --who 周婷 --csat 4 --on 2026-05-08
S --who 周婷 --ces 6 --on 2026-05-08 --comment "一次录入省事多了 entering once is much easier"
S --who 李敏 --nps 8 --on 2026-07-28
S --who 赵磊 --ces 5 --on 2026-08-06
S --who 李敏 --nps 4 --on 2026-08-20 --comment "合同条款不清晰 unclear contract terms"
S --who 李敏 --csat 2 --on 2026-08-20
S --who 赵磊 --nps 7 --on 2026-08-28
q metric target nps 30
q metric target csat 4 --pipeline government

echo "loaded sample account $A: 7 stakeholders, deal $DEAL (stage contract), 19 touchpoints, one observed day of 周婷, 11 survey answers"
