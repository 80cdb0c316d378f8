-- The two pipelines that ship. Pipelines are data: add or edit stages here
-- (in a new migration), not in code. weight: share of an open deal's amount
-- counted in the weighted funnel.

INSERT INTO pipeline (key, name_en, name_zh) VALUES
    ('government', 'Government procurement', '政府采购'),
    ('enterprise', 'Enterprise sales', '企业销售');

INSERT INTO stage (pipeline_id, key, position, name_en, name_zh, phase, expected_days, weight)
SELECT p.id, s.key, s.position, s.name_en, s.name_zh, s.phase, s.expected_days, s.weight
FROM pipeline p
JOIN (VALUES
    ('government', 'needs',          1, 'needs discovery',                   '需求发现',         'awareness',     30, 0.05),
    ('government', 'approval',       2, 'project approval & budget',         '立项与预算',       'consideration', 60, 0.10),
    ('government', 'intention',      3, 'procurement intention published',   '采购意向公开',     'consideration', 30, 0.20),
    ('government', 'specification',  4, 'specification & tender documents',  '需求论证与招标文件', 'consideration', 30, 0.30),
    ('government', 'tender-notice',  5, 'tender notice',                     '招标公告',         'decision',      20, 0.40),
    ('government', 'bidding',        6, 'bidding',                           '投标',             'decision',      15, 0.50),
    ('government', 'evaluation',     7, 'bid evaluation',                    '评标',             'decision',      10, 0.60),
    ('government', 'award',          8, 'award notice',                      '中标公告',         'purchase',       7, 0.80),
    ('government', 'contract',       9, 'contract negotiation',              '合同谈判',         'purchase',      30, 0.90),
    ('government', 'implementation',10, 'implementation & acceptance',       '实施与验收',       'service',       90, 1.00),
    ('government', 'operation',     11, 'operation & renewal',               '运维与续约',       'loyalty',      365, 1.00),
    ('enterprise', 'discovery',      1, 'discovery',                         '需求发现',         'awareness',     21, 0.10),
    ('enterprise', 'solution',       2, 'solution & demo',                   '方案与演示',       'consideration', 30, 0.20),
    ('enterprise', 'proposal',       3, 'proposal',                          '方案报价',         'consideration', 21, 0.40),
    ('enterprise', 'negotiation',    4, 'negotiation',                       '商务谈判',         'decision',      21, 0.60),
    ('enterprise', 'contract',       5, 'contract',                          '签约',             'purchase',      14, 0.80),
    ('enterprise', 'onboarding',     6, 'onboarding',                        '上线实施',         'service',       60, 1.00),
    ('enterprise', 'adoption',       7, 'adoption',                          '使用推广',         'service',       90, 1.00),
    ('enterprise', 'renewal',        8, 'renewal',                           '续约',             'loyalty',      365, 1.00)
) AS s (pipeline_key, key, position, name_en, name_zh, phase, expected_days, weight)
ON s.pipeline_key = p.key;
