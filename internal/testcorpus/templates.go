package testcorpus

// Templates write each sentence in both languages from one set of values. Inside
// braces:
//
//	{R} region       {D} department     {T} main topic     {U} another of the tags
//	{Y} year         {Y0} year before   {M} month number   {MON} English month
//	{DAY} day        {N} 3 to 30        {ORD} {N} as an English ordinal
//	{Q} 2 to 11      {PP} 0.1 to 9.9    {F} score 60.0 to 99.9   {PCT} plain percentage
//	{A1} {A2} {A3}   amounts of money, as num shortcodes (7.9亿元)
//	{C1:起} …        counts with their measure word, as num shortcodes (4112起)
//	{P1} {P2}        year-on-year changes, as num shortcodes (12.5%)
//	{H1} {H2}        high rates, as num shortcodes (91.36%)
//	{L}              a link to an outlet (plain text once the brief has its links)
//
// A figure is written as the same shortcode on both sides, so the two languages can
// never disagree: briefs writes {{< num "7.9亿元" >}} as 790 million yuan in English.
// Both sides of a pair must use the same placeholders; TestTemplatesPaired checks it.

// titles have no shortcodes: front matter is not Markdown, so a figure there would
// show raw in English.
var titles = []pair{
	{"{R}召开{T}工作推进会", "{R} holds meeting to advance {T}"},
	{"{R}出台{N}条措施推动{T}", "{R} issues {N} measures to promote {T}"},
	{"{R}{T}专项行动取得阶段性成效", "{R}'s campaign on {T} shows early results"},
	{"{R}{T}群众满意度达{PCT}", "Public satisfaction with {T} in {R} reaches {PCT}"},
	{"{R}{D}印发{T}实施意见", "{R} {D} issues guidelines on {T}"},
	{"{Y}年{R}{T}工作综述", "{R}'s work on {T} in {Y}: an overview"},
	{"{R}通报{Y}年{T}工作情况", "{R} reports on {T} in {Y}"},
	{"聚焦{T}：{R}推出{N}项新举措", "Focus on {T}: {R} launches {N} new initiatives"},
	{"{R}推动{T}与{U}协同发展", "{R} advances {T} and {U} together"},
	{"{R}：{T}跑出加速度", "{R} speeds up work on {T}"},
}

// leads open every brief and, without figures, double as the front matter summary.
var leads = []pair{
	{"{Y}年{M}月{DAY}日，{R}{D}召开{T}工作推进会，总结{Y0}年工作成效，部署下一阶段重点任务。",
		"On {MON} {DAY}, {Y}, the {R} {D} held a meeting on {T} to review what was achieved in {Y0} and set out the main tasks for the next stage."},
	{"{M}月{DAY}日，记者从{R}{D}获悉，{R}{T}工作取得新进展，多项指标走在全国前列。",
		"On {MON} {DAY}, reporters learned from the {R} {D} that work on {T} had made new progress, with several indicators among the best in the country."},
	{"近日，{R}{D}印发《关于进一步加强{T}工作的实施意见》，提出{N}项具体举措，明确了时间表和路线图。",
		"The {R} {D} recently issued guidelines on further strengthening {T}, setting out {N} specific measures with a timetable and a road map."},
	{"{Y}年{M}月{DAY}日，{R}举行新闻发布会，介绍{T}专项行动进展情况，并回答记者提问。",
		"On {MON} {DAY}, {Y}, {R} held a press conference on the progress of its campaign on {T} and answered reporters' questions."},
	{"为深入推进{T}，{R}{D}近期部署开展为期{Q}个月的专项行动，聚焦突出问题集中攻坚。",
		"To push ahead with {T}, the {R} {D} has launched a {Q}-month campaign focused on the most pressing problems."},
}

// sentences make up the body paragraphs.
var sentences = []pair{
	{"{Y}年以来，{R}{D}把{T}作为重点工作，累计投入资金{A1}，推动一批政策措施落地见效。",
		"Since the start of {Y}, the {R} {D} has made {T} a priority, investing {A1} in total and putting a series of policy measures into effect."},
	{"全年共办理{T}相关案件{C1:件}，涉案金额{A1}，同比增长{P1}。",
		"Over the year, {C1:件} related to {T} were handled, involving {A1}, an increase of {P1} year on year."},
	{"截至{M}月底，{R}已建成{T}示范点{C1:项}，覆盖群众{C2:人}，完成率达到{H1}。",
		"By the end of {MON}, {R} had completed {C1:项} of pilot work on {T}, reaching {C2:人} with a completion rate of {H1}."},
	{"会议指出，{T}工作关系群众切身利益，各地各部门要提高认识、压实责任、狠抓落实。",
		"The meeting noted that work on {T} bears directly on people's interests, and called on all localities and departments to take it seriously, assume their responsibilities and follow through."},
	{"会议要求，要把{T}与{U}统筹起来推进，形成上下联动、部门协同的工作格局。",
		"The meeting asked for {T} and {U} to be advanced together, with higher and lower levels and different departments working in concert."},
	{"{D}负责人介绍，今年以来{R}共开展专项检查{C1:项}，出动检查人员{C2:人}，督促整改问题{C3:项}。",
		"An official of the {D} said that {R} had carried out {C1:项} of special inspections this year, deploying {C2:人} and ordering the correction of {C3:项} of problems."},
	{"从资金来源看，中央财政下达补助{A1}，省级财政安排配套资金{A2}，市县两级投入{A3}。",
		"As for funding, the central government provided {A1} in subsidies, the provincial budget added {A2} in matching funds and city and county governments put in {A3}."},
	{"数据显示，{R}{T}各项指标稳中向好，群众满意度达到**{H1}**，比上年提高{PP}个百分点。",
		"The data show steady improvement across indicators for {T} in {R}, with public satisfaction reaching **{H1}**, {PP} percentage points higher than the year before."},
	{"根据{L}发布的信息，{R}共有{C1:家}企业被纳入重点监管名单，涉及金额{A1}。",
		"According to information published by {L}, {C1:家} in {R} have been placed on a list for close supervision, involving {A1}."},
	{"下一步，{D}将持续深化{T}改革，健全长效机制，确保各项目标任务如期完成。",
		"Next, the {D} will deepen reform in {T}, build long-term mechanisms and make sure that all targets are met on time."},
	{"{Y}年，{R}共受理群众来信来访{C1:件}，按期办结率{H1}，群众满意率{H2}。",
		"In {Y}, {R} received {C1:件} of letters and visits from the public, with {H1} resolved on time and a satisfaction rate of {H2}."},
	{"专项行动中，公安机关共抓获违法犯罪嫌疑人{C1:名}，追缴涉案资金**{A1}**，为群众挽回损失{A2}。",
		"During the campaign, the police detained {C1:名} suspected of offences, recovered **{A1}** in illicit funds and retrieved {A2} in losses for the public."},
	{"与此同时，{R}加快推进{U}，新增相关项目{C1:项}，总投资{A1}。",
		"At the same time, {R} stepped up work on {U}, adding {C1:项} of new projects with a total investment of {A1}."},
	{"记者了解到，{R}已出台{N}条配套措施，涵盖资金保障、人才支撑和考核评价等方面。",
		"Reporters learned that {R} has issued {N} supporting measures covering funding, talent and performance evaluation."},
	{"从结构看，{T}领域投资占全部投资的{H1}，同比增长{P1}，增速快于全省平均水平。",
		"In structural terms, investment in {T} accounted for {H1} of the total, up {P1} on the previous year and faster than the provincial average."},
	{"{R}有关部门表示，将以{T}为抓手，着力解决群众急难愁盼问题，让发展成果更多惠及群众。",
		"Officials in {R} said they would use {T} as a lever to solve the problems that worry people most, so that more of the gains of development reach the public."},
	{"通报显示，今年前{Q}个月，{R}共发生各类事故{C1:起}、死亡{C2:人}，同比分别下降{P1}和{P2}。",
		"The notice showed that in the first {Q} months of the year {R} recorded {C1:起} of accidents and {C2:人} killed, down {P1} and {P2} respectively year on year."},
	{"为推动政策落地，{D}派出督导人员{C1:名}，深入{N}个县（市、区）开展实地督查。",
		"To make sure the policies took hold, the {D} sent out inspection teams of {C1:名} in all, who carried out on-site checks in {N} counties and districts."},
	{"业内专家认为，{R}在{T}方面的做法具有示范意义，为其他地区提供了可复制、可推广的经验。",
		"Experts believe that {R}'s approach to {T} sets an example, offering experience that other regions can copy and adapt."},
	{"{Y}年全年，{R}实现地区生产总值{A1}，同比增长{P1}，其中{T}相关产业贡献率为{H1}。",
		"For the whole of {Y}, {R} reported a gross regional product of {A1}, up {P1}, with industries related to {T} contributing {H1} of the growth."},
	{"针对检查发现的问题，有关部门下达整改通知{C1:件}，责令{C2:家}企业停业整顿。",
		"For the problems found in inspections, the authorities issued rectification notices in {C1:件} and ordered {C2:家} to suspend business until they complied."},
	{"此外，{R}还组织线上线下宣传活动{C1:项}，覆盖群众{C2:人}。",
		"{R} also organized {C1:项} of publicity activities online and offline, reaching {C2:人}."},
	{"在资金监管方面，审计部门共审计项目{C1:项}，发现问题金额{A1}，已整改{A2}，整改率{H1}。",
		"On the oversight of funds, auditors examined {C1:项} of projects and found problems involving {A1}, of which {A2} has been corrected, a correction rate of {H1}."},
	{"受访群众表示，这几年身边的变化看得见、摸得着，对{T}工作越来越有信心。",
		"Residents interviewed said the changes around them in recent years were real and visible, and that they had growing confidence in the work on {T}."},
	{"根据{L}公布的评估结果，{R}{T}综合得分{F}分，在全国排名第{N}位。",
		"According to an assessment released by {L}, {R} scored {F} points overall on {T}, ranking {ORD} in the country."},
	{"{D}相关负责人强调，对顶风违纪、屡查屡犯的行为，将依法依规从严处理，决不姑息。",
		"A senior official of the {D} stressed that repeated violations would be dealt with strictly under the law and the rules, without leniency."},
	{"今年{R}计划新建和改造{T}设施{C1:项}，预计总投资{A1}，年内完成投资{H1}以上。",
		"This year {R} plans to build or upgrade {C1:项} of facilities for {T}, with expected investment of {A1}, more than {H1} of which is to be spent within the year."},
	{"各地还建立了{T}工作台账，实行清单化管理、项目化推进，做到底数清、情况明。",
		"Localities have also set up work ledgers for {T}, managing tasks by lists and advancing them as projects so that the facts on the ground are clear."},
	{"在{U}方面，{R}累计培训基层工作人员{C1:人}，考核合格率{H1}。",
		"On {U}, {R} has trained {C1:人} working at the grassroots, with a pass rate of {H1}."},
	{"统计部门数据显示，{M}月份{R}规模以上工业增加值同比增长{P1}，社会消费品零售总额{A1}。",
		"Figures from the statistics authorities show that in {MON} industrial value added by large firms in {R} grew {P1} year on year, and retail sales of consumer goods reached {A1}."},
	{"{R}已将{T}纳入年度绩效考核，考核结果与干部任用、资金分配直接挂钩。",
		"{R} has made {T} part of its annual performance review, with the results tied directly to appointments and the allocation of funds."},
	{"截至目前，{T}相关案件已办结{C1:件}，办结率{H1}，群众投诉量同比下降{P1}。",
		"So far, {C1:件} related to {T} have been closed, a closure rate of {H1}, and public complaints have fallen {P1} year on year."},
	{"会议强调，要坚持以人民为中心，聚焦重点领域和薄弱环节，补短板、强弱项、堵漏洞。",
		"The meeting stressed a people-centred approach, with attention to key areas and weak links so that gaps are filled and loopholes closed."},
	{"{R}还积极引导社会资本参与{T}，共签约项目{C1:项}，签约金额**{A1}**。",
		"{R} has also drawn private capital into {T}, signing {C1:项} of projects worth **{A1}**."},
	{"今年以来，{R}累计为市场主体减免税费{A1}，惠及企业{C1:家}，有效激发了市场活力。",
		"Since the start of the year, {R} has cut taxes and fees for businesses by {A1}, benefiting {C1:家} and giving the market new energy."},
	{"据悉，相关经验做法已被{L}专题报道，并在全国范围内推广。",
		"The approach has been featured in a report by {L} and is being promoted nationwide."},
	{"抽样调查显示，{H1}的受访者认为{T}工作成效明显，{H2}的受访者对相关服务表示满意。",
		"A sample survey found that {H1} of respondents saw clear results from the work on {T}, and {H2} were satisfied with the services involved."},
	{"在重点项目建设上，{R}{Y}年安排{T}重点项目{C1:项}，年度计划投资{A1}，目前已完成{H1}。",
		"For major projects, {R} scheduled {C1:项} of key projects on {T} in {Y}, with planned annual investment of {A1}, of which {H1} has been completed."},
}

// headings title the parts of a brief; the last one always closes it.
var headings = []pair{
	{"加强组织领导", "Stronger leadership and coordination"},
	{"{T}成效明显", "Clear results in {T}"},
	{"加大资金投入", "More funding"},
	{"严格执法监管", "Strict enforcement"},
	{"创新工作机制", "New ways of working"},
	{"聚焦重点领域", "A focus on key areas"},
	{"协同推进{U}", "Progress on {U}"},
	{"数字背后的变化", "What the numbers show"},
	{"群众获得感增强", "People feel the difference"},
	{"存在的问题", "Remaining problems"},
	{"经验做法", "Lessons learned"},
	{"下一步工作", "Next steps"},
}

// listIntros are bold, which gives every brief its bold text.
var listIntros = []pair{
	{"**{Y}年主要工作成效如下：**", "**The main results of {Y} were as follows:**"},
	{"**截至{M}月底，重点任务进展如下：**", "**Progress on key tasks as of the end of {MON}:**"},
	{"**专项行动开展以来，{R}取得以下成果：**", "**Since the campaign began, {R} has achieved the following:**"},
}

var listItems = []pair{
	{"排查整治隐患{C1:项}", "{C1:项} of hazards found and fixed"},
	{"新增就业{C1:人}", "Jobs found for {C1:人}"},
	{"下达专项资金{A1}", "{A1} in special funds allocated"},
	{"办结群众诉求{C1:件}，满意率{H1}", "{C1:件} of public requests settled, with {H1} satisfied"},
	{"培训从业人员{C1:名}", "{C1:名} trained"},
	{"查处违法案件{C1:起}，罚没款{A1}", "{C1:起} of violations punished, with {A1} in fines"},
	{"帮扶困难企业{C1:家}", "{C1:家} in difficulty helped"},
	{"完成投资{A1}，占年度计划的{H1}", "{A1} invested, {H1} of the annual plan"},
	{"检查生产经营单位{C1:家}", "{C1:家} inspected"},
	{"组织应急演练{C1:项}", "{C1:项} of emergency drills held"},
}

// tableRows are a table row's first two cells; the generator adds the change column.
var tableRows = []pair{
	{"财政投入 | {A1}", "Fiscal input | {A1}"},
	{"办理案件 | {C1:件}", "Cases handled | {C1:件}"},
	{"受理投诉 | {C1:起}", "Complaints received | {C1:起}"},
	{"检查企业 | {C1:家}", "Companies inspected | {C1:家}"},
	{"培训人员 | {C1:人}", "People trained | {C1:人}"},
	{"完成项目 | {C1:项}", "Projects completed | {C1:项}"},
	{"整改率 | {H1}", "Correction rate | {H1}"},
	{"满意度 | {H1}", "Satisfaction | {H1}"},
	{"社会投资 | {A1}", "Private investment | {A1}"},
}
