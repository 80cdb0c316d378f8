/// The case exercises that ship in the binary, as JSON documents in the
/// case format (docs/case-format.md). The same documents are in `cases/*.json`
/// for trainers to read and copy; a test keeps the two identical.
public enum ShippedCases {
    /// Every shipped case as (id, JSON document), in the order `case list` shows them.
    public static let all: [(id: String, json: String)] = [
        ("gov-contract-dip", govContractDip),
        ("platform-signup-dropoff", platformSignupDropoff),
        ("soe-hidden-eb", soeHiddenEB),
    ]

    /// The JSON document of a shipped case; nil for an unknown id.
    public static func document(_ id: String) -> String? { all.first { $0.id == id }?.json }

    /// The ids of the shipped cases, in order.
    public static var ids: [String] { all.map(\.id) }

    /// cases/gov-contract-dip.json
    static let govContractDip = #"""
{
  "format": "dchain-case/1",
  "id": "gov-contract-dip",
  "title": {
    "en": "One-stop services platform: the dip at contract negotiation",
    "zh": "一网通办平台升级：合同谈判阶段的情绪低谷"
  },
  "brief": {
    "en": "You sell a one-stop online services platform to the Jiangcheng Municipal Government Services Administration. The upgrade runs as a public tender under the government procurement rules; the account team met the administration in March 2026. The history arrives in three rounds, from needs discovery to contract negotiation. Work out who really decides, who vets, who will use the system and who helps you from inside; watch how each person feels at every touchpoint; name the moment of truth; and accept a plan that deals with it. Keep in touch with the people who matter.",
    "zh": "你向江城市政务服务管理局销售一网通办平台升级方案。项目按政府采购规定公开招标，客户团队于 2026 年 3 月开始接触该局。案例历史分三轮发布，从需求发现一直到合同谈判。请判断谁真正拍板、谁把关、谁使用、谁在内部帮你；关注每个人在每个接触点上的情绪；指出关键时刻；并接受一份能应对它的沟通计划。别忘了与关键人物保持接触。"
  },
  "account": {
    "name": "江城市政务服务管理局",
    "kind": "government",
    "code": "GOV-JCZW-001",
    "region": "华中 Central China",
    "industry": "政务 Government services"
  },
  "units": [
    { "name": "局领导 Leadership" },
    { "name": "办公室 General Office", "parent": "局领导 Leadership" },
    { "name": "信息中心 IT Center", "parent": "局领导 Leadership" },
    { "name": "采购科 Procurement Section", "parent": "办公室 General Office" },
    { "name": "政务服务科 Citizen Services Section", "parent": "局领导 Leadership" }
  ],
  "stakeholders": [
    { "name": "周振华", "title": "局长 Director", "unit": "局领导 Leadership", "level": "executive", "channel": "visit" },
    { "name": "吴海涛", "title": "副局长（分管办公室、人事） Deputy Director, office and HR", "unit": "局领导 Leadership", "level": "executive", "reports_to": "周振华", "channel": "meeting" },
    { "name": "何静", "title": "信息中心主任 Head of the IT Center", "unit": "信息中心 IT Center", "level": "manager", "reports_to": "周振华", "channel": "wechat" },
    { "name": "马骏", "title": "采购科科长 Head of Procurement", "unit": "采购科 Procurement Section", "level": "manager", "reports_to": "吴海涛", "channel": "email", "email": "majun@example.gov.cn" },
    { "name": "林晓", "title": "信息中心工程师 IT Engineer", "unit": "信息中心 IT Center", "level": "staff", "reports_to": "何静", "channel": "wechat" },
    { "name": "郑琳", "title": "政务服务科科长 Head of Citizen Services", "unit": "政务服务科 Citizen Services Section", "level": "manager", "reports_to": "周振华", "channel": "call" },
    { "name": "许晨", "title": "综合窗口工作人员 Service Window Clerk", "unit": "政务服务科 Citizen Services Section", "level": "staff", "reports_to": "郑琳" }
  ],
  "deal": {
    "name": "一网通办平台升级项目",
    "pipeline": "government",
    "method": "public-tender",
    "amount": 3600000,
    "currency": "CNY",
    "close_by": "2026-09-30",
    "stages": [
      { "stage": "needs", "entered": "2026-03-02", "round": 1 },
      { "stage": "approval", "entered": "2026-03-23", "round": 1 },
      { "stage": "intention", "entered": "2026-04-20", "round": 2 },
      { "stage": "specification", "entered": "2026-05-11", "round": 2 },
      { "stage": "tender-notice", "entered": "2026-06-08", "round": 2 },
      { "stage": "bidding", "entered": "2026-06-26", "round": 2 },
      { "stage": "evaluation", "entered": "2026-07-08", "round": 2 },
      { "stage": "award", "entered": "2026-07-20", "round": 3 },
      { "stage": "contract", "entered": "2026-08-03", "round": 3 }
    ]
  },
  "rounds": [
    {
      "title": { "en": "Needs discovery and project approval", "zh": "需求发现与立项" },
      "today": "2026-04-10",
      "brief": {
        "en": "The first five weeks: who did you meet, what did they ask for, and who seems to be in charge?",
        "zh": "头五周：你见了谁，他们提了什么要求，看起来谁说了算？"
      }
    },
    {
      "title": { "en": "From the procurement intention to bid evaluation", "zh": "从采购意向公开到评标" },
      "today": "2026-07-15",
      "brief": {
        "en": "The tender runs its course. Who vets the specification, and what does the coach tell you about the scoring?",
        "zh": "招标按流程推进。谁在把关技术规格？教练对评分办法有什么提示？"
      }
    },
    {
      "title": { "en": "Award and contract negotiation", "zh": "中标与合同谈判" },
      "today": "2026-08-28",
      "brief": {
        "en": "You won the award. Then the first contract review happened. Read every emotion carefully before you plan.",
        "zh": "你中标了。随后进行了第一次合同评审。做计划之前，请仔细看每个人的情绪。"
      }
    }
  ],
  "touchpoints": [
    {
      "round": 1, "at": "2026-03-04 10:00", "channel": "visit",
      "summary": "初次拜访信息中心 first visit to the IT Center",
      "response": "介绍一网通办升级思路 introduced the one-stop upgrade approach",
      "participants": [
        { "stakeholder": "林晓", "emotion": 2, "label": "interested", "quote": "群众办一件事要跑三个窗口，我们也着急" }
      ],
      "pain_points": [
        { "stakeholder": "林晓", "text": "群众办一件事要跑多个窗口 citizens queue at several windows for one matter", "severity": "high" }
      ]
    },
    {
      "round": 1, "at": "2026-03-12 14:00", "channel": "meeting",
      "summary": "信息中心需求访谈 IT Center requirements interview",
      "participants": [
        { "stakeholder": "何静", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "何静", "kind": "need", "text": "必须部署在现有政务云上 must run on the existing government cloud", "severity": "medium" }
      ]
    },
    {
      "round": 1, "at": "2026-03-18 09:30", "channel": "visit",
      "summary": "拜访周局长，汇报升级价值 briefing the Director on the value of the upgrade",
      "response": "提交一页纸价值说明 one-page value brief",
      "participants": [
        { "stakeholder": "周振华", "emotion": 2, "label": "interested", "quote": "年底前群众满意度要进全省前五，预算我来争取" }
      ]
    },
    {
      "round": 1, "at": "2026-03-26 15:00", "channel": "meeting",
      "summary": "立项沟通会 project-approval meeting",
      "participants": [
        { "stakeholder": "吴海涛", "emotion": 1, "label": "interested", "quote": "这个项目很重要，有事随时找我" },
        { "stakeholder": "马骏", "emotion": 0, "label": "neutral" }
      ]
    },
    {
      "round": 1, "at": "2026-04-02 10:00", "channel": "site-survey",
      "summary": "窗口现场调研 service-window survey",
      "response": "演示一次录入、多处共享 showed enter-once, share-everywhere",
      "participants": [
        { "stakeholder": "郑琳", "emotion": -1, "label": "frustrated" },
        { "stakeholder": "许晨", "emotion": -1, "label": "anxious", "quote": "一件事要在三个系统里各录一遍" }
      ],
      "pain_points": [
        { "stakeholder": "郑琳", "text": "一件事要录入三个系统 one case typed into three systems", "severity": "high" }
      ]
    },
    {
      "round": 2, "at": "2026-04-22 09:00", "channel": "email",
      "summary": "采购意向公开后确认时间表 timeline after the procurement intention",
      "participants": [
        { "stakeholder": "马骏", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "马骏", "kind": "need", "text": "采购全过程合规可追溯 a fully compliant, traceable procurement" }
      ]
    },
    {
      "round": 2, "at": "2026-05-14 14:00", "channel": "demo",
      "summary": "面向窗口人员的演示 demo for the service windows",
      "participants": [
        { "stakeholder": "郑琳", "emotion": 2, "label": "satisfied" },
        { "stakeholder": "许晨", "emotion": 2, "label": "delighted", "quote": "这样窗口排队能少一半" }
      ]
    },
    {
      "round": 2, "at": "2026-05-20 10:00", "channel": "meeting",
      "summary": "需求论证会 requirements review",
      "participants": [
        { "stakeholder": "何静", "emotion": 1, "label": "satisfied" },
        { "stakeholder": "马骏", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "何静", "kind": "need", "text": "国产化软硬件适配 domestic hardware and OS support" }
      ]
    },
    {
      "round": 2, "at": "2026-06-03 20:30", "channel": "wechat",
      "summary": "教练提示评分办法 coach on the scoring rules",
      "participants": [
        { "stakeholder": "林晓", "emotion": 2, "label": "trusting", "quote": "技术分占六成，何主任最看重运维保障" }
      ]
    },
    {
      "round": 2, "at": "2026-06-30 15:00", "channel": "bid-clarification",
      "summary": "投标澄清 bid clarification",
      "participants": [
        { "stakeholder": "马骏", "emotion": 1, "label": "satisfied" },
        { "stakeholder": "何静", "emotion": 1, "label": "interested" }
      ]
    },
    {
      "round": 2, "at": "2026-07-10 09:00", "channel": "event",
      "summary": "评标答辩 bid defence",
      "participants": [
        { "stakeholder": "何静", "emotion": 2, "label": "satisfied" },
        { "stakeholder": "吴海涛", "emotion": 1, "label": "interested" }
      ]
    },
    {
      "round": 3, "at": "2026-07-22 16:00", "channel": "call",
      "summary": "中标后致谢 thanks after the award",
      "participants": [
        { "stakeholder": "周振华", "emotion": 2, "label": "trusting", "quote": "九月底前要上线试运行" }
      ]
    },
    {
      "round": 3, "at": "2026-08-10 10:00", "channel": "contract-review",
      "summary": "合同初稿评审 first contract review",
      "participants": [
        { "stakeholder": "何静", "emotion": -3, "label": "frustrated", "quote": "验收标准和运维责任都没写清楚，这个字我不能签" },
        { "stakeholder": "马骏", "emotion": -2, "label": "anxious", "quote": "付款节点和验收对不上，审计会问" }
      ],
      "pain_points": [
        { "stakeholder": "何静", "text": "合同条款不清晰：验收标准、运维责任 unclear contract terms: acceptance criteria, O&M duties", "severity": "high" },
        { "stakeholder": "马骏", "text": "付款节点与验收脱节 payment milestones not tied to acceptance", "severity": "medium" }
      ]
    },
    {
      "round": 3, "at": "2026-08-18 14:00", "channel": "meeting",
      "summary": "合同谈判 contract negotiation",
      "participants": [
        { "stakeholder": "何静", "emotion": -2, "label": "frustrated" },
        { "stakeholder": "吴海涛", "emotion": 0, "label": "neutral", "quote": "合同的事你们和信息中心商量" }
      ]
    },
    {
      "round": 3, "at": "2026-08-24 21:00", "channel": "wechat",
      "summary": "教练提醒合同风险 coach warns about the contract",
      "participants": [
        { "stakeholder": "林晓", "emotion": -1, "label": "anxious", "quote": "何主任不点头，局长不会签" }
      ]
    }
  ],
  "key": {
    "weights": { "roles": 40, "coverage": 15, "moment": 20, "plan": 25 },
    "roles": [
      {
        "stakeholder": "周振华", "role": "EB",
        "why": {
          "en": "The Director set the goal (top five in the province for citizen satisfaction), fights for the budget and signs. The deputy 吴海涛 looks senior but oversees the office and HR, not this project.",
          "zh": "周局长定下目标（群众满意度进全省前五）、争取预算并最终签字。吴副局长职位高，但分管办公室和人事，并不分管本项目。"
        }
      },
      {
        "stakeholder": "何静", "role": "TB",
        "why": {
          "en": "She vets the technical terms and can stop the contract (\"I cannot sign this\"); the coach says the Director will not sign without her.",
          "zh": "她把关技术条款，能卡住合同（“这个字我不能签”）；教练说她不点头，局长不会签。"
        }
      },
      {
        "stakeholder": "马骏", "role": "TB",
        "why": {
          "en": "Procurement vets compliance and the payment terms of the contract.",
          "zh": "采购科把关采购合规和合同付款条款。"
        }
      },
      {
        "stakeholder": "郑琳", "role": "UB",
        "why": { "en": "Her section runs the service windows that will use the platform.", "zh": "她的科室负责窗口业务，是平台的使用方。" }
      },
      {
        "stakeholder": "许晨", "role": "UB",
        "why": { "en": "A window clerk: she types every case and will use the system all day.", "zh": "窗口工作人员：每件事都由她录入，每天使用系统。" }
      },
      {
        "stakeholder": "林晓", "role": "Coach",
        "why": {
          "en": "He guided us from the first visit: the scoring rules, what his head cares about, the contract risk.",
          "zh": "他从第一次拜访起就在指导我们：评分办法、主任最看重什么、合同风险。"
        }
      }
    ],
    "coverage": ["周振华", "何静", "马骏", "郑琳", "林晓"],
    "moments_of_truth": [
      {
        "stage": "contract", "stakeholder": "何静",
        "why": {
          "en": "The deepest dip of the journey (−3) at the first contract review: acceptance criteria and O&M duties are unclear, and the TB refuses to sign.",
          "zh": "整个旅程最深的低谷（−3）出现在合同初稿评审：验收标准和运维责任不清晰，把关者拒绝签字。"
        }
      }
    ],
    "plan": [
      {
        "rule": "negative-emotion", "stakeholder": "何静", "stage": "contract",
        "why": {
          "en": "Follow up on her unclear-terms pain point at once: a clause-by-clause explanation of acceptance and O&M duties.",
          "zh": "立即就合同条款不清晰的痛点跟进：逐条解释验收标准和运维责任。"
        }
      },
      {
        "rule": "stage-playbook", "stakeholder": "何静", "role": "TB", "stage": "contract",
        "why": {
          "en": "Walk the TB through the contract terms, acceptance criteria and reference cases: the seed case's winning move.",
          "zh": "结合参考案例向把关者逐条讲解合同条款和验收标准：这正是原案例中赢单的做法。"
        }
      },
      {
        "rule": "negative-emotion", "stakeholder": "马骏", "stage": "contract",
        "why": {
          "en": "Procurement is anxious too: tie the payment milestones to acceptance before the audit asks.",
          "zh": "采购科同样焦虑：在审计问到之前，把付款节点与验收挂钩。"
        }
      }
    ],
    "debrief": {
      "en": "The Director 周振华 is the EB: he set the goal and signs, while the deputy 吴海涛 only looks like a decision maker. The IT head 何静 and procurement (马骏) are the TBs, the service section (郑琳, 许晨) the UBs, and the engineer 林晓 our coach. The journey runs well through the tender and then dips hard at contract negotiation: at the first contract review 何静 falls to −3 over unclear acceptance criteria and O&M duties, and 马骏 worries about payment milestones. That is the moment of truth. A good plan answers it at once: follow up with 何静 on the unclear terms, walk her through the contract clause by clause with reference cases, and tie payment to acceptance for 马骏. That is how the seed's team won the project.",
      "zh": "周振华局长是 EB：目标由他定、字由他签；吴海涛副局长只是看起来像决策者。信息中心何静主任和采购科马骏是把关者（TB），政务服务科郑琳、许晨是使用者（UB），工程师林晓是我们的教练。旅程在招标阶段一路顺利，却在合同谈判阶段急剧下滑：合同初稿评审时，何静因验收标准和运维责任不清晰情绪跌到 −3，马骏也担心付款节点。这就是关键时刻。好的计划会立即应对：就条款不清晰跟进何静，结合参考案例逐条讲解合同，并为马骏把付款与验收挂钩。原案例的团队正是这样赢下了项目。"
    }
  }
}

"""#

    /// cases/platform-signup-dropoff.json
    static let platformSignupDropoff = #"""
{
  "format": "dchain-case/1",
  "id": "platform-signup-dropoff",
  "title": {
    "en": "Supplier platform: users lost at registration and verification",
    "zh": "供应商协同平台：用户在注册和认证环节流失"
  },
  "brief": {
    "en": "Huasheng Manufacturing Group subscribed to your supplier collaboration platform: its buyers invite suppliers, and every supplier registers and verifies its company before it can quote. The deal was signed in March 2026; the subscription renews only if suppliers actually use the platform. The history arrives in three rounds, from discovery through onboarding to adoption. Work out the decision chain, find where the experience breaks, and accept a plan that wins the users back before renewal.",
    "zh": "华盛制造集团订阅了你的供应商协同平台：采购人员邀请供应商入驻，每家供应商都要先注册并完成企业认证才能报价。合同于 2026 年 3 月签订；只有供应商真正用起来，订阅才会续约。案例历史分三轮发布：从需求发现、上线实施到使用推广。请理清决策链，找出体验在哪里断裂，并接受一份能在续约前赢回用户的计划。"
  },
  "account": {
    "name": "华盛制造集团",
    "kind": "enterprise",
    "code": "ENT-HSZZ-001",
    "region": "华南 South China",
    "industry": "制造 Manufacturing"
  },
  "units": [
    { "name": "集团管理层 Group management" },
    { "name": "数字化部 Digital Office", "parent": "集团管理层 Group management" },
    { "name": "采购部 Procurement", "parent": "集团管理层 Group management" },
    { "name": "财务部 Finance", "parent": "集团管理层 Group management" }
  ],
  "stakeholders": [
    { "name": "陈国栋", "title": "首席运营官 Chief Operating Officer", "unit": "集团管理层 Group management", "level": "executive", "channel": "visit" },
    { "name": "刘强", "title": "财务总监 Chief Financial Officer", "unit": "财务部 Finance", "level": "executive", "channel": "email", "email": "liuqiang@example.com" },
    { "name": "黄蕾", "title": "数字化部总监 Head of Digital", "unit": "数字化部 Digital Office", "level": "manager", "reports_to": "陈国栋", "channel": "meeting" },
    { "name": "赵倩", "title": "数字化产品经理 Digital Product Manager", "unit": "数字化部 Digital Office", "level": "staff", "reports_to": "黄蕾", "channel": "wechat" },
    { "name": "孙浩", "title": "采购部经理 Head of Procurement", "unit": "采购部 Procurement", "level": "manager", "reports_to": "陈国栋", "channel": "call" },
    { "name": "李婷", "title": "采购专员 Buyer", "unit": "采购部 Procurement", "level": "staff", "reports_to": "孙浩", "channel": "wechat" },
    { "name": "王磊", "title": "供应商管理专员 Supplier Administrator", "unit": "采购部 Procurement", "level": "staff", "reports_to": "孙浩", "channel": "call" }
  ],
  "deal": {
    "name": "供应商协同平台订阅",
    "pipeline": "enterprise",
    "method": "competitive-negotiation",
    "amount": 1200000,
    "currency": "CNY",
    "close_by": "2026-03-31",
    "stages": [
      { "stage": "discovery", "entered": "2026-01-05", "round": 1 },
      { "stage": "solution", "entered": "2026-01-26", "round": 1 },
      { "stage": "proposal", "entered": "2026-02-16", "round": 1 },
      { "stage": "negotiation", "entered": "2026-03-02", "round": 1 },
      { "stage": "contract", "entered": "2026-03-18", "round": 1 },
      { "stage": "onboarding", "entered": "2026-04-01", "round": 2 },
      { "stage": "adoption", "entered": "2026-05-18", "round": 3 }
    ]
  },
  "rounds": [
    {
      "title": { "en": "From discovery to the signed contract", "zh": "从需求发现到签约" },
      "today": "2026-03-31",
      "brief": {
        "en": "The sale went smoothly. Who drove it, who checked it, and who will have to live with the platform?",
        "zh": "销售过程很顺利。谁在推动、谁在把关、谁将天天使用这个平台？"
      }
    },
    {
      "title": { "en": "Onboarding: the first users register", "zh": "上线实施：首批用户注册" },
      "today": "2026-05-15",
      "brief": {
        "en": "Buyers invite their suppliers. Watch what happens at registration and at company verification.",
        "zh": "采购人员开始邀请供应商入驻。注意注册和企业认证环节发生了什么。"
      }
    },
    {
      "title": { "en": "Adoption: before the renewal talk", "zh": "使用推广：续约谈话之前" },
      "today": "2026-06-12",
      "brief": {
        "en": "The COO wants to see active suppliers before he renews. Plan your next steps.",
        "zh": "COO 续约前要看到活跃的供应商。请规划下一步。"
      }
    }
  ],
  "touchpoints": [
    {
      "round": 1, "at": "2026-01-08 10:00", "channel": "meeting",
      "summary": "数字化部需求访谈 digital office discovery",
      "participants": [
        { "stakeholder": "黄蕾", "emotion": 1, "label": "interested" }
      ],
      "pain_points": [
        { "stakeholder": "黄蕾", "kind": "need", "text": "对接 ERP 和统一身份认证 integrate with the ERP and single sign-on", "severity": "medium" }
      ]
    },
    {
      "round": 1, "at": "2026-01-15 09:30", "channel": "visit",
      "summary": "拜访 COO COO visit",
      "response": "提交供应商协同效率提升方案 proposal for faster supplier collaboration",
      "participants": [
        { "stakeholder": "陈国栋", "emotion": 2, "label": "interested", "quote": "今年供应商协同效率要提升三成" }
      ]
    },
    {
      "round": 1, "at": "2026-01-29 14:00", "channel": "demo",
      "summary": "采购场景演示 procurement demo",
      "participants": [
        { "stakeholder": "孙浩", "emotion": 2, "label": "interested" },
        { "stakeholder": "李婷", "emotion": 2, "label": "delighted", "quote": "不用再一家家打电话催报价了" }
      ]
    },
    {
      "round": 1, "at": "2026-02-10 20:00", "channel": "wechat",
      "summary": "教练沟通 coach chat",
      "participants": [
        { "stakeholder": "赵倩", "emotion": 2, "label": "trusting", "quote": "黄总关心安全合规，陈总只看效率指标" }
      ]
    },
    {
      "round": 1, "at": "2026-02-20 11:00", "channel": "email",
      "summary": "报价发财务 proposal sent to finance",
      "participants": [
        { "stakeholder": "刘强", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "刘强", "kind": "need", "text": "按年付费、分期开票 annual billing in instalments" }
      ]
    },
    {
      "round": 1, "at": "2026-03-05 15:00", "channel": "meeting",
      "summary": "商务谈判 negotiation",
      "participants": [
        { "stakeholder": "黄蕾", "emotion": 1, "label": "satisfied" },
        { "stakeholder": "孙浩", "emotion": 1, "label": "interested" }
      ]
    },
    {
      "round": 1, "at": "2026-03-19 10:00", "channel": "visit",
      "summary": "签约 contract signed",
      "participants": [
        { "stakeholder": "陈国栋", "emotion": 2, "label": "satisfied", "quote": "三个月内所有供应商都要上平台" },
        { "stakeholder": "刘强", "emotion": 1, "label": "satisfied" }
      ]
    },
    {
      "round": 2, "at": "2026-04-08 09:30", "channel": "training",
      "summary": "首批用户培训 first user training",
      "participants": [
        { "stakeholder": "李婷", "emotion": -2, "label": "confused", "quote": "培训完了，我自己还是注册不下来" },
        { "stakeholder": "王磊", "emotion": -1, "label": "anxious" }
      ],
      "pain_points": [
        { "stakeholder": "李婷", "text": "注册要填十几项信息，短信验证码常收不到 sign-up asks for a dozen fields and the SMS code often never arrives", "severity": "high" }
      ]
    },
    {
      "round": 2, "at": "2026-04-21 16:00", "channel": "support",
      "direction": "inbound",
      "summary": "支持工单：企业认证卡住 support ticket: company verification stuck",
      "participants": [
        { "stakeholder": "王磊", "emotion": -3, "label": "frustrated", "quote": "已经有二十家供应商说不用了" }
      ],
      "pain_points": [
        { "stakeholder": "王磊", "text": "企业认证要上传营业执照扫描件，人工审核三天 verification needs a scanned business licence and three days of manual review", "severity": "high" }
      ]
    },
    {
      "round": 2, "at": "2026-04-28 10:00", "channel": "meeting",
      "summary": "上线周会 weekly rollout meeting",
      "participants": [
        { "stakeholder": "孙浩", "emotion": -2, "label": "anxious", "quote": "一半供应商还没完成注册，月底怎么向陈总交代" },
        { "stakeholder": "黄蕾", "emotion": -1, "label": "concerned" }
      ]
    },
    {
      "round": 2, "at": "2026-05-06 21:00", "channel": "wechat",
      "summary": "教练提醒 coach warns",
      "participants": [
        { "stakeholder": "赵倩", "emotion": -1, "label": "anxious", "quote": "孙经理已经在群里抱怨了，陈总也听说了" }
      ]
    },
    {
      "round": 3, "at": "2026-05-20 15:00", "channel": "call",
      "summary": "COO 电话 COO call",
      "participants": [
        { "stakeholder": "陈国栋", "emotion": 0, "label": "neutral", "quote": "续约前我要看到供应商活跃率" }
      ]
    },
    {
      "round": 3, "at": "2026-05-27 10:00", "channel": "meeting",
      "summary": "使用推广复盘 adoption review",
      "participants": [
        { "stakeholder": "孙浩", "emotion": -2, "label": "frustrated", "quote": "注册完成率只有百分之四十" }
      ],
      "pain_points": [
        { "stakeholder": "孙浩", "text": "供应商注册完成率只有 40% only 40% of suppliers finished registering", "severity": "high" }
      ]
    },
    {
      "round": 3, "at": "2026-06-05 14:00", "channel": "email",
      "summary": "数字化部邮件 email from the digital office",
      "participants": [
        { "stakeholder": "黄蕾", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "黄蕾", "kind": "need", "text": "认证改为对接工商数据自动核验 verify suppliers automatically against the business registry" }
      ]
    }
  ],
  "key": {
    "weights": { "roles": 30, "coverage": 15, "moment": 25, "plan": 30 },
    "roles": [
      {
        "stakeholder": "陈国栋", "role": "EB",
        "why": {
          "en": "The COO set the target (30% faster supplier collaboration), signed, and decides the renewal on active suppliers. The CFO 刘强 only handles billing.",
          "zh": "COO 定下目标（供应商协同效率提升三成）、签了合同，并将根据供应商活跃率决定续约。财务总监刘强只负责付款开票。"
        }
      },
      {
        "stakeholder": "黄蕾", "role": "TB",
        "why": { "en": "The digital office vets integration, security and compliance.", "zh": "数字化部把关系统对接、安全与合规。" }
      },
      {
        "stakeholder": "孙浩", "role": "UB",
        "why": { "en": "His buyers and suppliers use the platform; he answers to the COO for it.", "zh": "他的采购团队和供应商在用平台，他要向 COO 交代使用效果。" }
      },
      {
        "stakeholder": "李婷", "role": "UB",
        "why": { "en": "A buyer who invites suppliers and registers herself: the registration step fails her.", "zh": "负责邀请供应商、自己也要注册的采购专员：注册环节让她卡住了。" }
      },
      {
        "stakeholder": "王磊", "role": "UB",
        "why": { "en": "He walks every supplier through company verification: that is where suppliers give up.", "zh": "他负责带每家供应商完成企业认证：供应商正是在这里放弃的。" }
      },
      {
        "stakeholder": "赵倩", "role": "Coach",
        "why": { "en": "She told us what each leader cares about and warned us when the complaints reached the COO.", "zh": "她告诉我们每位领导关心什么，并在抱怨传到 COO 那里时提醒了我们。" }
      }
    ],
    "coverage": ["陈国栋", "孙浩", "李婷", "王磊", "赵倩"],
    "moments_of_truth": [
      {
        "stage": "onboarding", "stakeholder": "王磊",
        "why": {
          "en": "Company verification is the deepest dip (−3): a scanned licence and three days of manual review, and suppliers walk away.",
          "zh": "企业认证是最深的低谷（−3）：要上传营业执照扫描件、人工审核三天，供应商纷纷放弃。"
        }
      },
      {
        "stage": "onboarding", "stakeholder": "李婷",
        "why": {
          "en": "Registration is the first break (−2): a dozen fields and SMS codes that never arrive.",
          "zh": "注册是第一个断点（−2）：要填十几项信息，短信验证码还常收不到。"
        }
      }
    ],
    "plan": [
      {
        "rule": "negative-emotion", "stakeholder": "王磊", "stage": "adoption",
        "why": {
          "en": "Follow up on the verification pain: automatic checks against the business registry instead of scans and manual review.",
          "zh": "就认证痛点跟进：用工商数据自动核验取代扫描件和人工审核。"
        }
      },
      {
        "rule": "negative-emotion", "stakeholder": "李婷", "stage": "adoption",
        "why": {
          "en": "Follow up on the registration pain: fewer fields, single sign-on for buyers, a working SMS fallback.",
          "zh": "就注册痛点跟进：精简字段、采购人员用统一身份认证登录、短信验证码有备用方案。"
        }
      },
      {
        "rule": "stage-playbook", "stakeholder": "陈国栋", "role": "EB", "stage": "adoption",
        "why": {
          "en": "Show the COO adoption and the first outcomes yourself, before the renewal talk and before the complaints do it for you.",
          "zh": "在续约谈话之前、在抱怨传到他那里之前，亲自向 COO 展示使用情况和初步成效。"
        }
      }
    ],
    "debrief": {
      "en": "The COO 陈国栋 is the EB: he set the goal and decides the renewal; the CFO only handles billing. The digital office (黄蕾) is the TB, procurement (孙浩, 李婷, 王磊) the UBs, and 赵倩 our coach. The sale itself went well; the journey breaks after the contract, at onboarding: buyers cannot finish registration (李婷, −2) and suppliers give up at company verification (王磊, −3). That is the moment of truth, and it threatens the renewal. A good plan follows up with both on their pain points (simpler sign-up, automatic verification against the business registry) and shows the COO adoption and first outcomes before the renewal talk.",
      "zh": "COO 陈国栋是 EB：目标由他定，续约也由他决定；财务总监只负责开票付款。数字化部黄蕾是把关者（TB），采购部孙浩、李婷、王磊是使用者（UB），赵倩是我们的教练。销售过程本身很顺利；旅程在签约之后、上线实施阶段断裂：采购专员注册不下来（李婷，−2），供应商在企业认证环节放弃（王磊，−3）。这就是关键时刻，它威胁着续约。好的计划会就这两个痛点分别跟进（简化注册、对接工商数据自动认证），并在续约谈话前向 COO 展示使用情况和初步成效。"
    }
  }
}

"""#

    /// cases/soe-hidden-eb.json
    static let soeHiddenEB = #"""
{
  "format": "dchain-case/1",
  "id": "soe-hidden-eb",
  "title": {
    "en": "State-owned energy company: the EB above your contact",
    "zh": "国有能源企业：藏在联系人之上的决策者"
  },
  "brief": {
    "en": "Zhongneng East China New Energy, a state-owned enterprise, wants a smart operations and maintenance platform for its wind and solar stations. Your contact, the deputy general manager for operations, is enthusiastic and says the project is his call. The deal runs as an invited tender. The history arrives in three rounds, from first contact to the proposal. Find out who really decides and who could block you, and plan how to reach them before the proposal is decided.",
    "zh": "国有企业中能华东新能源公司计划为风电、光伏场站建设智慧运维平台。你的联系人——分管生产的副总经理——非常积极，并说这个项目他说了算。项目采用邀请招标。案例历史分三轮发布，从初次接触到方案报价。请找出真正拍板的人和可能卡住你的人，并在方案定夺之前规划如何接触到他们。"
  },
  "account": {
    "name": "中能华东新能源有限公司",
    "kind": "soe",
    "code": "SOE-ZNHD-001",
    "region": "华东 East China",
    "industry": "能源 Energy"
  },
  "units": [
    { "name": "公司领导 Company leadership" },
    { "name": "董事会办公室 Board Office", "parent": "公司领导 Company leadership" },
    { "name": "信息中心 IT Center", "parent": "公司领导 Company leadership" },
    { "name": "招标采购中心 Tendering Center", "parent": "公司领导 Company leadership" },
    { "name": "运维部 O&M Department", "parent": "公司领导 Company leadership" }
  ],
  "stakeholders": [
    { "name": "高建平", "title": "党委书记、董事长 Party Secretary and Chairman", "unit": "公司领导 Company leadership", "level": "executive", "channel": "visit" },
    { "name": "钱明", "title": "副总经理（分管生产） Deputy General Manager, Operations", "unit": "公司领导 Company leadership", "level": "executive", "reports_to": "高建平", "channel": "meeting" },
    { "name": "孙卫东", "title": "信息中心主任、总工程师 Head of IT and Chief Engineer", "unit": "信息中心 IT Center", "level": "manager", "reports_to": "高建平", "channel": "meeting" },
    { "name": "周敏", "title": "招标采购中心主任 Head of Tendering", "unit": "招标采购中心 Tendering Center", "level": "manager", "reports_to": "钱明", "channel": "email", "email": "zhoumin@example.com" },
    { "name": "吴刚", "title": "运维部经理 Head of O&M", "unit": "运维部 O&M Department", "level": "manager", "reports_to": "钱明", "channel": "call" },
    { "name": "冯涛", "title": "场站值班长 Station Shift Lead", "unit": "运维部 O&M Department", "level": "staff", "reports_to": "吴刚", "channel": "wechat" },
    { "name": "郑小雨", "title": "董事会办公室主任助理 Assistant to the Head of the Board Office", "unit": "董事会办公室 Board Office", "level": "staff", "reports_to": "高建平", "channel": "wechat" }
  ],
  "deal": {
    "name": "新能源场站智慧运维平台",
    "pipeline": "enterprise",
    "method": "invited-tender",
    "amount": 5800000,
    "currency": "CNY",
    "close_by": "2026-10-31",
    "stages": [
      { "stage": "discovery", "entered": "2026-03-02", "round": 1 },
      { "stage": "solution", "entered": "2026-04-13", "round": 2 },
      { "stage": "proposal", "entered": "2026-06-01", "round": 3 }
    ]
  },
  "rounds": [
    {
      "title": { "en": "First contact", "zh": "初次接触" },
      "today": "2026-04-10",
      "brief": {
        "en": "Your contact is keen and the operations people have real pain. Who have you not met yet?",
        "zh": "联系人很积极，运维人员也确有痛点。还有谁你没见过？"
      }
    },
    {
      "title": { "en": "Solution and demo", "zh": "方案与演示" },
      "today": "2026-05-22",
      "brief": {
        "en": "The demo went well with the users, less so with IT. Listen to the board office.",
        "zh": "演示让使用者很满意，信息中心却不然。听听董事会办公室怎么说。"
      }
    },
    {
      "title": { "en": "Proposal", "zh": "方案报价" },
      "today": "2026-06-19",
      "brief": {
        "en": "The proposal is in. The decision will not be taken where you have been selling so far. Plan the next steps.",
        "zh": "方案报价已提交。最终决定不会在你一直接触的层级做出。请规划下一步。"
      }
    }
  ],
  "touchpoints": [
    {
      "round": 1, "at": "2026-03-04 10:00", "channel": "visit",
      "summary": "拜访钱总 visit to the deputy general manager",
      "participants": [
        { "stakeholder": "钱明", "emotion": 2, "label": "interested", "quote": "这个项目我说了算，你们放心做方案" }
      ]
    },
    {
      "round": 1, "at": "2026-03-11 14:00", "channel": "meeting",
      "summary": "运维部需求访谈 O&M discovery",
      "participants": [
        { "stakeholder": "吴刚", "emotion": 1, "label": "interested" }
      ],
      "pain_points": [
        { "stakeholder": "吴刚", "text": "风机和光伏巡检全靠人工，夜间故障发现晚 inspections are manual and night-time faults are found late", "severity": "high" }
      ]
    },
    {
      "round": 1, "at": "2026-03-25 09:00", "channel": "site-survey",
      "summary": "场站现场调研 station site survey",
      "participants": [
        { "stakeholder": "冯涛", "emotion": 1, "label": "interested", "quote": "一个班三个人看二十个场站" },
        { "stakeholder": "吴刚", "emotion": 1, "label": "interested" }
      ]
    },
    {
      "round": 1, "at": "2026-04-07 11:00", "channel": "email",
      "summary": "与招标采购中心确认流程 tendering process confirmed",
      "participants": [
        { "stakeholder": "周敏", "emotion": 0, "label": "neutral" }
      ],
      "pain_points": [
        { "stakeholder": "周敏", "kind": "need", "text": "五百万以上须邀请招标且不少于三家 above five million an invited tender with at least three bidders" }
      ]
    },
    {
      "round": 2, "at": "2026-04-16 14:00", "channel": "demo",
      "summary": "方案演示 solution demo",
      "participants": [
        { "stakeholder": "孙卫东", "emotion": -2, "label": "skeptical", "quote": "集团已有统一监控平台，信息中心自己也能开发，何必外采" },
        { "stakeholder": "吴刚", "emotion": 2, "label": "satisfied" },
        { "stakeholder": "冯涛", "emotion": 2, "label": "delighted", "quote": "夜里告警能直接推到手机就好了" }
      ],
      "pain_points": [
        { "stakeholder": "孙卫东", "text": "与集团现有平台重复建设 duplicates the group's existing platform", "severity": "high" }
      ]
    },
    {
      "round": 2, "at": "2026-04-24 20:30", "channel": "wechat",
      "summary": "董办助理透露决策流程 the board office on how the decision is made",
      "participants": [
        { "stakeholder": "郑小雨", "emotion": 1, "label": "trusting", "quote": "三百万以上的项目都要上党委会，最后高书记拍板；孙总工是高书记一手提拔的" }
      ]
    },
    {
      "round": 2, "at": "2026-05-08 10:00", "channel": "meeting",
      "summary": "项目推进会 project meeting",
      "participants": [
        { "stakeholder": "钱明", "emotion": 1, "label": "interested", "quote": "技术上要过孙总工那一关，其他我来协调" },
        { "stakeholder": "周敏", "emotion": 0, "label": "neutral" }
      ]
    },
    {
      "round": 2, "at": "2026-05-15 15:00", "channel": "meeting",
      "summary": "信息中心技术交流 technical session with IT",
      "participants": [
        { "stakeholder": "孙卫东", "emotion": -1, "label": "skeptical", "quote": "数据必须留在集团内网" }
      ],
      "pain_points": [
        { "stakeholder": "孙卫东", "kind": "need", "text": "数据不出内网，满足等保三级 data stays on the intranet, classified protection level 3", "severity": "high" }
      ]
    },
    {
      "round": 3, "at": "2026-06-03 09:30", "channel": "meeting",
      "summary": "方案报价汇报 proposal presentation",
      "participants": [
        { "stakeholder": "钱明", "emotion": 1, "label": "interested", "quote": "报价我看可以，下周报公司" },
        { "stakeholder": "吴刚", "emotion": 1, "label": "interested" }
      ]
    },
    {
      "round": 3, "at": "2026-06-10 21:00", "channel": "wechat",
      "summary": "教练提示汇报窗口 the coach on the reporting window",
      "participants": [
        { "stakeholder": "郑小雨", "emotion": 1, "label": "trusting", "quote": "高书记月底听数字化专题汇报，议程还没定" }
      ]
    },
    {
      "round": 3, "at": "2026-06-15 14:00", "channel": "email",
      "direction": "inbound",
      "summary": "信息中心回复方案意见 IT's written comments on the proposal",
      "participants": [
        { "stakeholder": "孙卫东", "emotion": -1, "label": "skeptical", "quote": "与集团平台的接口方案仍不清楚" }
      ]
    }
  ],
  "key": {
    "weights": { "roles": 40, "coverage": 15, "moment": 15, "plan": 30 },
    "roles": [
      {
        "stakeholder": "高建平", "role": "EB",
        "why": {
          "en": "Projects above three million go to the party committee and the Party Secretary decides; nobody on our side has met him. The deputy GM 钱明 says it is his call, but it is not.",
          "zh": "三百万以上的项目要上党委会，由党委书记拍板；我们这边还没人见过他。钱副总说他说了算，其实不然。"
        }
      },
      {
        "stakeholder": "孙卫东", "role": "TB", "influence": "high", "stance": "skeptic",
        "why": {
          "en": "The chief engineer vets the technology, thinks IT could build it in-house, and was promoted by the Party Secretary himself: a skeptic with high influence.",
          "zh": "总工程师把关技术，认为信息中心可以自建，而且是高书记一手提拔的：一位影响力很高的怀疑者。"
        }
      },
      {
        "stakeholder": "周敏", "role": "TB",
        "why": { "en": "The tendering center vets the invited-tender rules.", "zh": "招标采购中心把关邀请招标的规则。" }
      },
      {
        "stakeholder": "钱明", "role": "UB", "influence": "high",
        "why": {
          "en": "He sponsors the project and his operations division will use it, so his voice is strong, but he does not decide.",
          "zh": "他是项目发起人，他分管的生产运维部门将使用平台，话语权很大，但并不拍板。"
        }
      },
      {
        "stakeholder": "吴刚", "role": "UB",
        "why": { "en": "His O&M department will run the platform every day.", "zh": "他的运维部将每天使用这个平台。" }
      },
      {
        "stakeholder": "冯涛", "role": "UB",
        "why": { "en": "Shift leads get the alarms at night: the daily user.", "zh": "值班长夜里接收告警：真正的日常使用者。" }
      },
      {
        "stakeholder": "郑小雨", "role": "Coach",
        "why": {
          "en": "From the board office she told us how the decision is really made and when the Party Secretary hears the digital report.",
          "zh": "她在董事会办公室，告诉了我们决策实际如何做出，以及高书记何时听取数字化专题汇报。"
        }
      }
    ],
    "coverage": ["高建平", "孙卫东", "钱明", "周敏", "郑小雨"],
    "moments_of_truth": [
      {
        "stage": "solution", "stakeholder": "孙卫东",
        "why": {
          "en": "At the demo the high-influence TB turned against us (−2): \"IT could build this itself\". Left alone, he will carry that view to the party committee.",
          "zh": "在方案演示中，影响力很高的把关者转向反对（−2）：“信息中心自己也能开发”。如果置之不理，他会把这个观点带到党委会上。"
        }
      }
    ],
    "plan": [
      {
        "rule": "top-down", "stakeholder": "高建平", "stage": "proposal",
        "why": {
          "en": "Secure the top first (下楼式营销): a meeting with the Party Secretary before the proposal is decided, through the coach's reporting window.",
          "zh": "先搞定高层（下楼式营销）：在方案定夺之前，借教练提到的汇报窗口约见高书记。"
        }
      },
      {
        "rule": "stage-playbook", "stakeholder": "高建平", "role": "EB", "stage": "proposal",
        "why": {
          "en": "Present the business case to the EB: value, cost and risk, in the terms of his digital agenda.",
          "zh": "向 EB 呈现商业价值：价值、成本与风险，用他的数字化议程来讲。"
        }
      },
      {
        "rule": "opponent", "stakeholder": "孙卫东", "role": "TB", "stage": "proposal",
        "why": {
          "en": "Address the skeptical chief engineer through the coach: position the platform as complementing the group's system, on the intranet, at protection level 3.",
          "zh": "通过教练应对持怀疑态度的总工：把平台定位为集团系统的补充，部署在内网，满足等保三级。"
        }
      }
    ],
    "debrief": {
      "en": "The visible contact, deputy GM 钱明, is not the EB: above three million the party committee decides and the Party Secretary 高建平 has the final word, and nobody has met him. 钱明 is an influential UB with 吴刚 and 冯涛; 孙卫东 and 周敏 are TBs; 郑小雨 in the board office is the coach. The moment of truth was the demo, where the chief engineer 孙卫东, a high-influence skeptic close to the Party Secretary, turned against us. A good plan goes top-down: meet 高建平 with a business case before the proposal is decided, and address 孙卫东's objections through the coach (complement, not duplicate; intranet; protection level 3) so he does not block us in the committee.",
      "zh": "看得见的联系人钱明副总并不是 EB：三百万以上的项目由党委会决定，党委书记高建平最终拍板，而我们还没人见过他。钱明和吴刚、冯涛是使用者（UB），其中钱明影响力很高；孙卫东和周敏是把关者（TB）；董事会办公室的郑小雨是教练。关键时刻是方案演示：与高书记关系密切、影响力很高的总工孙卫东转向反对。好的计划是下楼式营销：在方案定夺前带着商业价值约见高建平，并通过教练回应孙卫东的顾虑（补充而非重复建设、部署在内网、满足等保三级），免得他在党委会上否决我们。"
    }
  }
}

"""#
}
