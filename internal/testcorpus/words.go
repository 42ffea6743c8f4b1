package testcorpus

// pair is one term in both languages.
type pair struct{ zh, en string }

// section is a top-level section of the site. Its topics double as tags, so that the
// tag pages of a section's topics fill up with that section's briefs, as on a real site.
type section struct {
	slug   string
	name   pair
	intro  pair
	topics []pair
}

// sections are the 8 top-level sections; 8 × 15 topics make the 120 topic tags.
var sections = []section{
	{"law", pair{"法治", "Rule of Law"},
		pair{"法治政府建设、执法司法与法律服务动态。", "Law-based government, enforcement, the courts and legal services."},
		[]pair{{"法治政府", "law-based government"}, {"行政执法", "administrative enforcement"},
			{"普法教育", "legal education"}, {"公益诉讼", "public interest litigation"}, {"法律援助", "legal aid"},
			{"人民调解", "people's mediation"}, {"行政复议", "administrative review"}, {"知识产权", "intellectual property"},
			{"反电信诈骗", "anti-telecom fraud"}, {"扫黑除恶", "anti-gang crackdown"}, {"未成年人保护", "protection of minors"},
			{"司法改革", "judicial reform"}, {"社区矫正", "community corrections"}, {"公共法律服务", "public legal services"},
			{"涉外法治", "foreign-related rule of law"}}},
	{"safety", pair{"安全", "Public Safety"},
		pair{"安全生产、应急管理与公共安全。", "Workplace safety, emergency management and public security."},
		[]pair{{"安全生产", "workplace safety"}, {"消防救援", "fire and rescue"}, {"食品安全", "food safety"},
			{"交通安全", "traffic safety"}, {"危化品监管", "hazardous chemicals oversight"}, {"燃气安全", "gas safety"},
			{"应急管理", "emergency management"}, {"防汛救灾", "flood relief"}, {"森林防火", "forest fire prevention"},
			{"校园安全", "school safety"}, {"药品监管", "drug regulation"}, {"特种设备", "special equipment"},
			{"建筑安全", "building safety"}, {"禁毒工作", "drug control"}, {"网络安全", "cybersecurity"}}},
	{"economy", pair{"经济", "Economy"},
		pair{"经济运行、营商环境与产业发展。", "The economy, the business environment and industry."},
		[]pair{{"营商环境", "business environment"}, {"民营经济", "private sector"}, {"对外开放", "opening up"},
			{"招商引资", "investment attraction"}, {"数字经济", "digital economy"}, {"制造业升级", "manufacturing upgrading"},
			{"提振消费", "consumption boost"}, {"跨境电商", "cross-border e-commerce"}, {"减税降费", "tax and fee cuts"},
			{"中小企业", "small businesses"}, {"普惠金融", "inclusive finance"}, {"专项债券", "special bonds"},
			{"现代物流", "modern logistics"}, {"文旅融合", "culture and tourism"}, {"县域经济", "county economy"}}},
	{"environment", pair{"生态", "Environment"},
		pair{"生态环境保护与绿色发展。", "Environmental protection and green development."},
		[]pair{{"大气治理", "air quality"}, {"水环境治理", "water environment"}, {"土壤修复", "soil remediation"},
			{"双碳目标", "carbon goals"}, {"河湖长制", "river and lake chiefs"}, {"垃圾分类", "waste sorting"},
			{"节能降耗", "energy saving"}, {"生物多样性", "biodiversity"}, {"国土绿化", "greening"},
			{"清洁能源", "clean energy"}, {"污水处理", "sewage treatment"}, {"固废处置", "solid waste disposal"},
			{"环境执法", "environmental enforcement"}, {"湿地保护", "wetland protection"}, {"噪声治理", "noise control"}}},
	{"governance", pair{"治理", "Governance"},
		pair{"政务服务、基层治理与监督。", "Public services, grassroots governance and oversight."},
		[]pair{{"基层治理", "grassroots governance"}, {"数字政府", "digital government"}, {"政务服务", "government services"},
			{"网格化管理", "grid management"}, {"社区建设", "community building"}, {"审计监督", "audit oversight"},
			{"廉洁建设", "integrity building"}, {"信用体系", "credit system"}, {"信访工作", "petition work"},
			{"12345热线", "12345 hotline"}, {"政务公开", "open government"}, {"统计监督", "statistical oversight"},
			{"绩效管理", "performance management"}, {"机构改革", "institutional reform"}, {"社会组织", "social organizations"}}},
	{"livelihood", pair{"民生", "Livelihoods"},
		pair{"就业、教育、医疗、养老与住房。", "Jobs, schools, health care, elderly care and housing."},
		[]pair{{"就业服务", "employment services"}, {"养老服务", "elderly care"}, {"医疗保障", "medical insurance"},
			{"住房保障", "housing support"}, {"义务教育", "compulsory education"}, {"托育服务", "childcare"},
			{"社会救助", "social assistance"}, {"残疾人服务", "disability services"}, {"公共卫生", "public health"},
			{"退役军人服务", "veterans' services"}, {"城市更新", "urban renewal"}, {"老旧小区改造", "old neighbourhood renovation"},
			{"公共交通", "public transport"}, {"全民健身", "public fitness"}, {"文化惠民", "cultural services"}}},
	{"rural", pair{"乡村", "Rural Affairs"},
		pair{"乡村振兴、粮食安全与农业农村现代化。", "Rural revitalization, food security and farming."},
		[]pair{{"乡村振兴", "rural revitalization"}, {"粮食生产", "grain production"}, {"高标准农田", "high-standard farmland"},
			{"农村人居环境", "rural living environment"}, {"农业机械化", "farm mechanization"}, {"种业振兴", "seed industry"},
			{"农村电商", "rural e-commerce"}, {"防返贫监测", "poverty relapse monitoring"}, {"集体经济", "rural collective economy"},
			{"乡村旅游", "rural tourism"}, {"农田水利", "farmland irrigation"}, {"畜牧业", "animal husbandry"},
			{"渔业发展", "fisheries"}, {"农产品质量", "farm produce quality"}, {"宅基地改革", "rural homestead reform"}}},
	{"innovation", pair{"科技", "Science and Technology"},
		pair{"科技创新、新兴产业与人才。", "Innovation, new industries and talent."},
		[]pair{{"科技创新", "technological innovation"}, {"高新技术企业", "high-tech enterprises"}, {"人工智能", "artificial intelligence"},
			{"新能源汽车", "new energy vehicles"}, {"集成电路", "integrated circuits"}, {"生物医药", "biomedicine"},
			{"成果转化", "technology transfer"}, {"人才引进", "talent recruitment"}, {"专利保护", "patent protection"},
			{"工业互联网", "industrial internet"}, {"5G网络", "5G networks"}, {"数据要素", "data resources"},
			{"低空经济", "low-altitude economy"}, {"算力设施", "computing infrastructure"}, {"科学普及", "science popularization"}}},
}

// regions are the 31 provincial-level divisions and 49 cities: the 80 region tags.
var regions = []pair{
	{"北京", "Beijing"}, {"天津", "Tianjin"}, {"河北", "Hebei"}, {"山西", "Shanxi"}, {"内蒙古", "Inner Mongolia"},
	{"辽宁", "Liaoning"}, {"吉林", "Jilin"}, {"黑龙江", "Heilongjiang"}, {"上海", "Shanghai"}, {"江苏", "Jiangsu"},
	{"浙江", "Zhejiang"}, {"安徽", "Anhui"}, {"福建", "Fujian"}, {"江西", "Jiangxi"}, {"山东", "Shandong"},
	{"河南", "Henan"}, {"湖北", "Hubei"}, {"湖南", "Hunan"}, {"广东", "Guangdong"}, {"广西", "Guangxi"},
	{"海南", "Hainan"}, {"重庆", "Chongqing"}, {"四川", "Sichuan"}, {"贵州", "Guizhou"}, {"云南", "Yunnan"},
	{"西藏", "Xizang"}, {"陕西", "Shaanxi"}, {"甘肃", "Gansu"}, {"青海", "Qinghai"}, {"宁夏", "Ningxia"},
	{"新疆", "Xinjiang"},
	{"深圳", "Shenzhen"}, {"广州", "Guangzhou"}, {"杭州", "Hangzhou"}, {"南京", "Nanjing"}, {"苏州", "Suzhou"},
	{"武汉", "Wuhan"}, {"成都", "Chengdu"}, {"西安", "Xi'an"}, {"郑州", "Zhengzhou"}, {"长沙", "Changsha"},
	{"青岛", "Qingdao"}, {"济南", "Jinan"}, {"合肥", "Hefei"}, {"福州", "Fuzhou"}, {"厦门", "Xiamen"},
	{"宁波", "Ningbo"}, {"沈阳", "Shenyang"}, {"大连", "Dalian"}, {"长春", "Changchun"}, {"哈尔滨", "Harbin"},
	{"淄博", "Zibo"}, {"潍坊", "Weifang"}, {"临沂", "Linyi"}, {"烟台", "Yantai"}, {"威海", "Weihai"},
	{"扬州", "Yangzhou"}, {"无锡", "Wuxi"}, {"常州", "Changzhou"}, {"南通", "Nantong"}, {"温州", "Wenzhou"},
	{"绍兴", "Shaoxing"}, {"金华", "Jinhua"}, {"嘉兴", "Jiaxing"}, {"佛山", "Foshan"}, {"东莞", "Dongguan"},
	{"珠海", "Zhuhai"}, {"汕头", "Shantou"}, {"泉州", "Quanzhou"}, {"赣州", "Ganzhou"}, {"芜湖", "Wuhu"},
	{"洛阳", "Luoyang"}, {"宜昌", "Yichang"}, {"襄阳", "Xiangyang"}, {"岳阳", "Yueyang"}, {"绵阳", "Mianyang"},
	{"遵义", "Zunyi"}, {"柳州", "Liuzhou"}, {"包头", "Baotou"}, {"榆林", "Yulin"},
}

// departments issue the plans and hold the meetings the briefs report on.
var departments = []pair{
	{"司法局", "Justice Bureau"}, {"应急管理局", "Emergency Management Bureau"}, {"生态环境局", "Ecology and Environment Bureau"},
	{"市场监管局", "Market Regulation Bureau"}, {"财政局", "Finance Bureau"}, {"公安局", "Public Security Bureau"},
	{"住建局", "Housing and Construction Bureau"}, {"交通运输局", "Transport Bureau"}, {"农业农村局", "Agriculture and Rural Affairs Bureau"},
	{"人社局", "Human Resources and Social Security Bureau"}, {"发改委", "Development and Reform Commission"},
	{"审计局", "Audit Bureau"}, {"统计局", "Statistics Bureau"}, {"商务局", "Commerce Bureau"}, {"教育局", "Education Bureau"},
	{"卫健委", "Health Commission"}, {"科技局", "Science and Technology Bureau"}, {"民政局", "Civil Affairs Bureau"},
}

// outlet is a publisher the briefs cite and link to.
type outlet struct {
	name pair
	site string
}

var outlets = []outlet{
	{pair{"新华网", "Xinhua"}, "https://www.news.cn"},
	{pair{"人民网", "People's Daily Online"}, "https://www.people.com.cn"},
	{pair{"中国政府网", "gov.cn"}, "https://www.gov.cn"},
	{pair{"法治日报", "Legal Daily"}, "https://www.legaldaily.com.cn"},
	{pair{"中国新闻网", "China News Service"}, "https://www.chinanews.com.cn"},
	{pair{"央视新闻", "CCTV News"}, "https://news.cctv.com"},
	{pair{"经济日报", "Economic Daily"}, "https://www.ce.cn"},
	{pair{"光明网", "Guangming Online"}, "https://www.gmw.cn"},
	{pair{"中国应急管理报", "China Emergency Management News"}, "https://www.cemnews.com"},
	{pair{"中国环境报", "China Environment News"}, "https://www.cenews.com.cn"},
	{pair{"长安网", "Chang'an Net"}, "https://www.chinapeace.gov.cn"},
}

var editors = []pair{
	{"王立新", "Wang Lixin"}, {"李晓梅", "Li Xiaomei"}, {"张建国", "Zhang Jianguo"}, {"刘婷", "Liu Ting"},
	{"陈思远", "Chen Siyuan"}, {"杨雪", "Yang Xue"}, {"赵一鸣", "Zhao Yiming"}, {"黄佳", "Huang Jia"},
	{"周文静", "Zhou Wenjing"}, {"吴昊", "Wu Hao"}, {"徐蕾", "Xu Lei"}, {"孙浩然", "Sun Haoran"},
	{"马丽", "Ma Li"}, {"朱海峰", "Zhu Haifeng"}, {"胡悦", "Hu Yue"}, {"余晖杨", "Yu Huiyang"},
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// zhOrdinals number the Chinese headings (一、二、…), as government reports do.
var zhOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
