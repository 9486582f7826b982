// The words the national dataset is built from. Titles and descriptions are assembled from these, so
// that a Chinese substring search finds realistic fractions of the items: a theme's topic words reach
// roughly 2–15 % of the items, the rare topics well under 0.1 %.

/** A topic: the Chinese word searched for, its English, and how often the theme picks it (relative). */
export type Topic = { zh: string; en: string; weight: number };

export type ThemeSpec = {
  code: string;
  nameZh: string;
  nameEn: string;
  /** How often a proposal is about this theme (relative). */
  weight: number;
  topics: readonly Topic[];
  /** Agencies (by index into AGENCIES) that usually lead this theme's items, most frequent first. */
  leads: readonly number[];
};

// Agency indices, named where themes refer to them.
const DRC = 0,
  EITC = 1,
  STC = 2,
  EDU = 3,
  HEALTH = 4,
  CIVIL = 5,
  FIN = 6,
  HRSS = 7,
  PLAN = 8,
  ECO = 9,
  HOUSING = 10,
  TRANSPORT = 11,
  AGRI = 12,
  COMMERCE = 13,
  CULTURE = 14,
  MARKET = 15,
  DATA = 16,
  CAC = 17,
  SASAC = 18,
  FINREG = 19,
  POLICE = 20,
  JUSTICE = 21,
  MEDINS = 22,
  SPORT = 23,
  HOUSEMGMT = 24,
  WATER = 25,
  GREENING = 26,
  EMERGENCY = 27,
  DRUG = 30,
  IP = 31,
  GOVOFFICE = 38,
  PUDONG = 44,
  XUHUI = 46,
  MINHANG = 52,
  JIADING = 54,
  SONGJIANG = 56,
  CHONGMING = 59;

export const THEMES: readonly ThemeSpec[] = [
  {
    code: "AI",
    nameZh: "人工智能与大模型",
    nameEn: "AI and large models",
    weight: 12,
    topics: [
      { zh: "人工智能", en: "artificial intelligence", weight: 5 },
      { zh: "大模型", en: "large models", weight: 4 },
      { zh: "智能体", en: "AI agents", weight: 1 },
    ],
    leads: [EITC, STC, CAC, DATA, PUDONG, XUHUI],
  },
  {
    code: "COMPUTE",
    nameZh: "算力与数据要素",
    nameEn: "Compute and data",
    weight: 9,
    topics: [
      { zh: "算力", en: "computing power", weight: 4 },
      { zh: "数据要素", en: "data as a factor of production", weight: 3 },
      { zh: "公共数据", en: "public data", weight: 2 },
    ],
    leads: [DATA, EITC, DRC, CAC],
  },
  {
    code: "IC",
    nameZh: "集成电路",
    nameEn: "Integrated circuits",
    weight: 5,
    topics: [
      { zh: "集成电路", en: "integrated circuits", weight: 4 },
      { zh: "芯片设计", en: "chip design", weight: 2 },
    ],
    leads: [EITC, STC, PUDONG, JIADING],
  },
  {
    code: "BIO",
    nameZh: "生物医药",
    nameEn: "Biomedicine",
    weight: 6,
    topics: [
      { zh: "生物医药", en: "biomedicine", weight: 4 },
      { zh: "创新药", en: "innovative drugs", weight: 2 },
      { zh: "医疗器械", en: "medical devices", weight: 2 },
    ],
    leads: [EITC, DRUG, STC, HEALTH, PUDONG],
  },
  {
    code: "EDU",
    nameZh: "教育",
    nameEn: "Education",
    weight: 9,
    topics: [
      { zh: "教育", en: "education", weight: 5 },
      { zh: "职业教育", en: "vocational education", weight: 2 },
      { zh: "托育", en: "childcare", weight: 2 },
    ],
    leads: [EDU, HRSS, CIVIL, XUHUI],
  },
  {
    code: "ELDER",
    nameZh: "养老服务",
    nameEn: "Elderly care",
    weight: 8,
    topics: [
      { zh: "养老", en: "elderly care", weight: 5 },
      { zh: "长者食堂", en: "canteens for the elderly", weight: 1 },
      { zh: "适老化改造", en: "age-friendly renovation", weight: 1 },
    ],
    leads: [CIVIL, HEALTH, MEDINS, HOUSING],
  },
  {
    code: "HEALTH",
    nameZh: "医疗卫生",
    nameEn: "Health care",
    weight: 8,
    topics: [
      { zh: "医疗卫生", en: "health care", weight: 3 },
      { zh: "社区卫生", en: "community health", weight: 2 },
      { zh: "医保", en: "medical insurance", weight: 2 },
    ],
    leads: [HEALTH, MEDINS, CIVIL],
  },
  {
    code: "RURAL",
    nameZh: "乡村振兴",
    nameEn: "Rural revitalisation",
    weight: 5,
    topics: [
      { zh: "乡村振兴", en: "rural revitalisation", weight: 4 },
      { zh: "现代农业", en: "modern agriculture", weight: 2 },
    ],
    leads: [AGRI, CHONGMING, PLAN, SONGJIANG],
  },
  {
    code: "URBAN",
    nameZh: "城市更新",
    nameEn: "Urban renewal",
    weight: 7,
    topics: [
      { zh: "城市更新", en: "urban renewal", weight: 3 },
      { zh: "旧区改造", en: "old-district redevelopment", weight: 2 },
      { zh: "保障性住房", en: "affordable housing", weight: 2 },
    ],
    leads: [HOUSING, PLAN, HOUSEMGMT, MINHANG],
  },
  {
    code: "GREEN",
    nameZh: "绿色低碳",
    nameEn: "Green and low-carbon",
    weight: 6,
    topics: [
      { zh: "绿色低碳", en: "green and low-carbon development", weight: 3 },
      { zh: "新能源", en: "new energy", weight: 3 },
      { zh: "碳达峰", en: "carbon peaking", weight: 1 },
    ],
    leads: [ECO, DRC, EITC, WATER, GREENING],
  },
  {
    code: "TRANSPORT",
    nameZh: "交通出行",
    nameEn: "Transport",
    weight: 6,
    topics: [
      { zh: "轨道交通", en: "rail transit", weight: 3 },
      { zh: "停车难", en: "parking shortages", weight: 2 },
      { zh: "公交", en: "public buses", weight: 2 },
    ],
    leads: [TRANSPORT, POLICE, PLAN],
  },
  {
    code: "BUSINESS",
    nameZh: "营商环境",
    nameEn: "Business environment",
    weight: 7,
    topics: [
      { zh: "营商环境", en: "the business environment", weight: 3 },
      { zh: "中小企业", en: "small and medium enterprises", weight: 3 },
      { zh: "一网通办", en: "one-stop online services", weight: 2 },
    ],
    leads: [DRC, MARKET, COMMERCE, GOVOFFICE, FINREG],
  },
  {
    code: "CULTURE",
    nameZh: "文化旅游",
    nameEn: "Culture and tourism",
    weight: 5,
    topics: [
      { zh: "文旅融合", en: "culture-tourism integration", weight: 2 },
      { zh: "公共文化", en: "public culture", weight: 2 },
      { zh: "全民健身", en: "fitness for all", weight: 1 },
    ],
    leads: [CULTURE, SPORT, COMMERCE],
  },
  {
    code: "GOVERNANCE",
    nameZh: "社会治理",
    nameEn: "Social governance",
    weight: 5,
    topics: [
      { zh: "基层治理", en: "grassroots governance", weight: 3 },
      { zh: "应急管理", en: "emergency management", weight: 2 },
      { zh: "法治", en: "rule of law", weight: 2 },
    ],
    leads: [CIVIL, EMERGENCY, JUSTICE, POLICE],
  },
  {
    code: "INNOVATION",
    nameZh: "科技创新",
    nameEn: "Science and innovation",
    weight: 7,
    topics: [
      { zh: "科技创新", en: "science and technology innovation", weight: 3 },
      { zh: "开源", en: "open source", weight: 2 },
      { zh: "知识产权", en: "intellectual property", weight: 2 },
    ],
    leads: [STC, IP, EITC, FIN, SASAC],
  },
];

/** Topics so rare that a search for them finds a handful of items (each picked with this probability). */
export const RARE_TOPICS: readonly (Topic & { probability: number })[] = [
  { zh: "脑机接口", en: "brain-computer interfaces", weight: 0, probability: 0.0004 },
  { zh: "量子计算", en: "quantum computing", weight: 0, probability: 0.0003 },
  { zh: "商业航天", en: "commercial spaceflight", weight: 0, probability: 0.0003 },
  { zh: "合成生物", en: "synthetic biology", weight: 0, probability: 0.0002 },
];

/** How a recommendation opens: 加快推进…, with its English verb. */
export const VERBS: readonly [string, string][] = [
  ["加快推进", "Accelerate"],
  ["大力支持", "Support"],
  ["进一步完善", "Improve"],
  ["着力强化", "Strengthen"],
  ["持续优化", "Optimise"],
  ["深化", "Deepen"],
  ["健全", "Consolidate"],
  ["积极探索", "Explore"],
  ["统筹布局", "Plan"],
  ["加大投入", "Invest in"],
];

/** What a recommendation asks for; 产业联盟 and 沙盒 are among them on purpose (searched words). */
export const OBJECTS: readonly [string, string, number][] = [
  ["产业联盟", "industry alliances", 1],
  ["监管沙盒", "regulatory sandboxes", 0.6],
  ["创新平台", "innovation platforms", 4],
  ["人才引进", "talent attraction", 4],
  ["公共服务", "public services", 5],
  ["标准体系", "standards", 3],
  ["基础设施", "infrastructure", 4],
  ["应用场景", "application scenarios", 4],
  ["政策支持", "policy support", 5],
  ["资金保障", "funding", 3],
  ["试点示范", "pilot demonstrations", 3],
  ["协同机制", "coordination mechanisms", 3],
  ["统计监测", "statistical monitoring", 2],
  ["人才培养", "talent training", 3],
];

/** Concrete steps (举措) under a recommendation: 制定…清单. */
export const ACTION_VERBS: readonly [string, string][] = [
  ["制定", "Draft"],
  ["出台", "Issue"],
  ["建设", "Build"],
  ["开展", "Run"],
  ["设立", "Set up"],
  ["组建", "Form"],
  ["修订", "Revise"],
  ["评估", "Evaluate"],
];

export const ACTION_OBJECTS: readonly [string, string][] = [
  ["实施方案", "an implementation plan"],
  ["专项资金", "a dedicated fund"],
  ["工作专班", "a task force"],
  ["应用场景清单", "a list of application scenarios"],
  ["试点项目", "pilot projects"],
  ["服务平台", "a service platform"],
  ["评价指标", "evaluation indicators"],
  ["培训计划", "a training programme"],
  ["管理办法", "management measures"],
  ["年度计划", "an annual plan"],
];

/** Second sentences of a recommendation's description. */
export const DESCRIPTION_SENTENCES: readonly string[] = [
  "加大财政资金支持力度，完善配套政策。",
  "明确牵头部门和时间表，定期评估落实情况。",
  "鼓励社会资本参与，形成多元投入机制。",
  "加强部门协同和市区联动，避免重复建设。",
  "学习借鉴先进地区经验，结合本市实际推进。",
  "建立健全考核评价机制，及时公开进展情况。",
  "聚焦群众急难愁盼问题，提升获得感。",
  "强化数据共享，打通部门间信息壁垒。",
];

/** The cross-cutting clause that makes 人工智能 appear outside its own theme. */
export const AI_CLAUSE = "推动人工智能赋能";

export const COMMENTS: Record<"in_progress" | "completed" | "stalled" | "not_adopted", readonly string[]> = {
  in_progress: [
    "召开专题推进会，明确分工",
    "完成阶段性目标",
    "实施方案已印发",
    "资金已下达，项目启动",
    "完成调研和需求梳理",
    "试点工作有序推进",
    "征求意见稿已发布",
    "与相关单位签订合作协议",
  ],
  completed: ["已全面完成", "各项任务均已落实", "通过验收，工作完成", "政策文件已正式印发实施"],
  stalled: [
    "受资金安排影响，进度滞后",
    "涉及跨部门协调，暂缓推进",
    "因政策调整暂停",
    "用地问题尚未解决",
    "等待上级部门批复",
  ],
  not_adopted: ["经研究，暂不具备实施条件", "与现行政策冲突，不予采纳", "已有同类工作覆盖，不再单独推进"],
};

export const WITHDRAWAL_REASONS: readonly string[] = [
  "链接失效",
  "上传错误，材料与本条目无关",
  "重复上传",
  "内容已更新，替换为新版本",
];

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
export const GIVEN_NAMES =
  "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁颖琳晨欣怡";

export const NEWS_HOSTS: readonly string[] = [
  "www.news.cn",
  "www.jfdaily.com",
  "www.thepaper.cn",
  "www.whb.cn",
  "www.shobserver.com",
];

/** 60 handling agencies: municipal departments and the 16 district governments. */
export const AGENCIES: readonly { code: string; nameZh: string; shortNameZh: string; nameEn: string }[] = [
  {
    code: "SHDRC",
    nameZh: "上海市发展和改革委员会",
    shortNameZh: "市发展改革委",
    nameEn: "Development and Reform Commission",
  },
  {
    code: "SHEITC",
    nameZh: "上海市经济和信息化委员会",
    shortNameZh: "市经济信息化委",
    nameEn: "Commission of Economy and Informatization",
  },
  {
    code: "STCSM",
    nameZh: "上海市科学技术委员会",
    shortNameZh: "市科委",
    nameEn: "Science and Technology Commission",
  },
  { code: "SHMEC", nameZh: "上海市教育委员会", shortNameZh: "市教委", nameEn: "Education Commission" },
  { code: "SHHC", nameZh: "上海市卫生健康委员会", shortNameZh: "市卫生健康委", nameEn: "Health Commission" },
  { code: "SHCA", nameZh: "上海市民政局", shortNameZh: "市民政局", nameEn: "Civil Affairs Bureau" },
  { code: "SHCZ", nameZh: "上海市财政局", shortNameZh: "市财政局", nameEn: "Finance Bureau" },
  {
    code: "SHHRSS",
    nameZh: "上海市人力资源和社会保障局",
    shortNameZh: "市人力资源社会保障局",
    nameEn: "Human Resources and Social Security Bureau",
  },
  {
    code: "SHGTZY",
    nameZh: "上海市规划和自然资源局",
    shortNameZh: "市规划资源局",
    nameEn: "Planning and Natural Resources Bureau",
  },
  {
    code: "SHEEB",
    nameZh: "上海市生态环境局",
    shortNameZh: "市生态环境局",
    nameEn: "Ecology and Environment Bureau",
  },
  {
    code: "SHZJW",
    nameZh: "上海市住房和城乡建设管理委员会",
    shortNameZh: "市住房城乡建设管理委",
    nameEn: "Housing and Urban-Rural Development Commission",
  },
  { code: "SHJTW", nameZh: "上海市交通委员会", shortNameZh: "市交通委", nameEn: "Transport Commission" },
  {
    code: "SHNYNC",
    nameZh: "上海市农业农村委员会",
    shortNameZh: "市农业农村委",
    nameEn: "Agriculture and Rural Affairs Commission",
  },
  { code: "SHSWW", nameZh: "上海市商务委员会", shortNameZh: "市商务委", nameEn: "Commerce Commission" },
  {
    code: "SHWHLY",
    nameZh: "上海市文化和旅游局",
    shortNameZh: "市文化旅游局",
    nameEn: "Culture and Tourism Bureau",
  },
  {
    code: "SHSCJG",
    nameZh: "上海市市场监督管理局",
    shortNameZh: "市市场监管局",
    nameEn: "Market Regulation Administration",
  },
  { code: "SHDATA", nameZh: "上海市数据局", shortNameZh: "市数据局", nameEn: "Data Bureau" },
  {
    code: "SHCAC",
    nameZh: "中共上海市委网络安全和信息化委员会办公室",
    shortNameZh: "市委网信办",
    nameEn: "Cyberspace Administration",
  },
  {
    code: "SHGZW",
    nameZh: "上海市国有资产监督管理委员会",
    shortNameZh: "市国资委",
    nameEn: "State-owned Assets Supervision Commission",
  },
  {
    code: "SHJRJ",
    nameZh: "上海市地方金融管理局",
    shortNameZh: "市地方金融管理局",
    nameEn: "Local Financial Regulatory Bureau",
  },
  { code: "SHGAJ", nameZh: "上海市公安局", shortNameZh: "市公安局", nameEn: "Public Security Bureau" },
  { code: "SHSFJ", nameZh: "上海市司法局", shortNameZh: "市司法局", nameEn: "Justice Bureau" },
  {
    code: "SHYBJ",
    nameZh: "上海市医疗保障局",
    shortNameZh: "市医保局",
    nameEn: "Healthcare Security Administration",
  },
  { code: "SHTYJ", nameZh: "上海市体育局", shortNameZh: "市体育局", nameEn: "Sports Bureau" },
  {
    code: "SHFGJ",
    nameZh: "上海市房屋管理局",
    shortNameZh: "市房屋管理局",
    nameEn: "Housing Administration Bureau",
  },
  { code: "SHSWJ", nameZh: "上海市水务局", shortNameZh: "市水务局", nameEn: "Water Authority" },
  {
    code: "SHLHSR",
    nameZh: "上海市绿化和市容管理局",
    shortNameZh: "市绿化市容局",
    nameEn: "Landscaping and City Appearance Administration",
  },
  {
    code: "SHYJGL",
    nameZh: "上海市应急管理局",
    shortNameZh: "市应急局",
    nameEn: "Emergency Management Bureau",
  },
  {
    code: "SHTYJR",
    nameZh: "上海市退役军人事务局",
    shortNameZh: "市退役军人局",
    nameEn: "Veterans Affairs Bureau",
  },
  {
    code: "SHMZZJ",
    nameZh: "上海市民族和宗教事务局",
    shortNameZh: "市民族宗教局",
    nameEn: "Ethnic and Religious Affairs Bureau",
  },
  {
    code: "SHYJJ",
    nameZh: "上海市药品监督管理局",
    shortNameZh: "市药品监管局",
    nameEn: "Medical Products Administration",
  },
  {
    code: "SHZSCQ",
    nameZh: "上海市知识产权局",
    shortNameZh: "市知识产权局",
    nameEn: "Intellectual Property Administration",
  },
  { code: "SHTJJ", nameZh: "上海市统计局", shortNameZh: "市统计局", nameEn: "Statistics Bureau" },
  { code: "SHSJJ", nameZh: "上海市审计局", shortNameZh: "市审计局", nameEn: "Audit Bureau" },
  {
    code: "SHWB",
    nameZh: "上海市人民政府外事办公室",
    shortNameZh: "市政府外办",
    nameEn: "Foreign Affairs Office",
  },
  {
    code: "SHHZJL",
    nameZh: "上海市人民政府合作交流办公室",
    shortNameZh: "市合作交流办",
    nameEn: "Cooperation and Exchange Office",
  },
  {
    code: "SHJGJ",
    nameZh: "上海市机关事务管理局",
    shortNameZh: "市机管局",
    nameEn: "Government Offices Administration",
  },
  { code: "SHMFB", nameZh: "上海市民防办公室", shortNameZh: "市民防办", nameEn: "Civil Defence Office" },
  {
    code: "SHZFBGT",
    nameZh: "上海市人民政府办公厅",
    shortNameZh: "市政府办公厅",
    nameEn: "General Office of the Municipal Government",
  },
  {
    code: "SHCGZF",
    nameZh: "上海市城市管理行政执法局",
    shortNameZh: "市城管执法局",
    nameEn: "Urban Management and Law Enforcement Bureau",
  },
  {
    code: "SHXF",
    nameZh: "上海市消防救援总队",
    shortNameZh: "市消防救援总队",
    nameEn: "Fire and Rescue Corps",
  },
  { code: "SHSW", nameZh: "国家税务总局上海市税务局", shortNameZh: "市税务局", nameEn: "Taxation Bureau" },
  { code: "SHZGH", nameZh: "上海市总工会", shortNameZh: "市总工会", nameEn: "Federation of Trade Unions" },
  {
    code: "SHTSW",
    nameZh: "共青团上海市委员会",
    shortNameZh: "团市委",
    nameEn: "Communist Youth League Committee",
  },
  {
    code: "PDXQ",
    nameZh: "上海市浦东新区人民政府",
    shortNameZh: "浦东新区政府",
    nameEn: "Pudong New Area Government",
  },
  {
    code: "HPQ",
    nameZh: "上海市黄浦区人民政府",
    shortNameZh: "黄浦区政府",
    nameEn: "Huangpu District Government",
  },
  {
    code: "XHQ",
    nameZh: "上海市徐汇区人民政府",
    shortNameZh: "徐汇区政府",
    nameEn: "Xuhui District Government",
  },
  {
    code: "CNQ",
    nameZh: "上海市长宁区人民政府",
    shortNameZh: "长宁区政府",
    nameEn: "Changning District Government",
  },
  {
    code: "JAQ",
    nameZh: "上海市静安区人民政府",
    shortNameZh: "静安区政府",
    nameEn: "Jing'an District Government",
  },
  {
    code: "PTQ",
    nameZh: "上海市普陀区人民政府",
    shortNameZh: "普陀区政府",
    nameEn: "Putuo District Government",
  },
  {
    code: "HKQ",
    nameZh: "上海市虹口区人民政府",
    shortNameZh: "虹口区政府",
    nameEn: "Hongkou District Government",
  },
  {
    code: "YPQ",
    nameZh: "上海市杨浦区人民政府",
    shortNameZh: "杨浦区政府",
    nameEn: "Yangpu District Government",
  },
  {
    code: "MHQ",
    nameZh: "上海市闵行区人民政府",
    shortNameZh: "闵行区政府",
    nameEn: "Minhang District Government",
  },
  {
    code: "BSQ",
    nameZh: "上海市宝山区人民政府",
    shortNameZh: "宝山区政府",
    nameEn: "Baoshan District Government",
  },
  {
    code: "JDQ",
    nameZh: "上海市嘉定区人民政府",
    shortNameZh: "嘉定区政府",
    nameEn: "Jiading District Government",
  },
  {
    code: "JSQ",
    nameZh: "上海市金山区人民政府",
    shortNameZh: "金山区政府",
    nameEn: "Jinshan District Government",
  },
  {
    code: "SJQ",
    nameZh: "上海市松江区人民政府",
    shortNameZh: "松江区政府",
    nameEn: "Songjiang District Government",
  },
  {
    code: "QPQ",
    nameZh: "上海市青浦区人民政府",
    shortNameZh: "青浦区政府",
    nameEn: "Qingpu District Government",
  },
  {
    code: "FXQ",
    nameZh: "上海市奉贤区人民政府",
    shortNameZh: "奉贤区政府",
    nameEn: "Fengxian District Government",
  },
  {
    code: "CMQ",
    nameZh: "上海市崇明区人民政府",
    shortNameZh: "崇明区政府",
    nameEn: "Chongming District Government",
  },
];

/** The congress session a proposal of a given year was submitted to (Shanghai's congress meets in January). */
export function congressSession(year: number): { zh: string; en: string } {
  const ordinalsZh = ["一", "二", "三", "四", "五"];
  const ordinalsEn = ["1st", "2nd", "3rd", "4th", "5th"];
  // The 15th congress held its 1st session in 2018, the 16th in 2023.
  const [term, session] = year >= 2023 ? [16, year - 2023] : [15, year - 2018];
  return {
    zh: `上海市第${term === 16 ? "十六" : "十五"}届人民代表大会第${ordinalsZh[session] ?? "一"}次会议`,
    en: `${ordinalsEn[session] ?? "1st"} Session of the ${term}th Shanghai Municipal People's Congress`,
  };
}
