package render

import "golang.org/x/text/language"

// builtinStrings are the default theme's words, by BCP 47 tag: zh is Simplified
// Chinese (zh-CN, zh-Hans, zh-SG pages use it), zh-Hant Traditional (zh-TW, zh-HK).
// A site overrides any of them per language in site.toml under
// [languages.<code>.strings]; see words for the order in which a page looks for a
// word it lacks.
var builtinStrings = map[string]map[string]string{
	"zh": {
		"home":            "首页",
		"sections":        "栏目",
		"latest":          "最新简报",
		"allBriefs":       "全部简报",
		"source":          "来源",
		"editor":          "责任编辑",
		"published":       "发布时间",
		"tags":            "标签",
		"allTags":         "全部标签",
		"related":         "相关简报",
		"nextPage":        "下一页",
		"prevPage":        "上一页",
		"pageOf":          "第 %d 页，共 %d 页",
		"pagination":      "分页",
		"translations":    "其他语言版本",
		"noTranslation":   "本文暂无%s版本。",
		"language":        "语言",
		"skipToContent":   "跳到正文",
		"briefsOne":       "%s篇简报",
		"briefsOther":     "%s篇简报",
		"draft":           "草稿",
		"chooseLanguage":  "请选择语言",
		"noBriefs":        "暂无简报。",
		"subsections":     "子栏目",
		"taggedWith":      "标签：%s",
		"footer":          "本站由 briefs 生成。",
		"onThisPage":      "本页目录",
		"backToTop":       "回到顶部",
		"readMore":        "阅读全文",
		"tagTitle":        "标签：%s",
		"notFound":        "页面未找到",
		"notFoundText":    "您访问的页面不存在或已被移动。",
		"footnotes":       "注释",
		"mainNavigation":  "主导航",
		"breadcrumb":      "位置",
		"translationNote": "%s原文在本译文完成后有更新，译文可能未反映最新内容。",
		"missingIn":       "本页暂无%s版本",
		"language-zh":     "中文",
		"language-en":     "英文",
		"keyFigures":      "主要数据",
		"opening":         "导语",
		"permalink":       "本文链接",
	},
	"zh-Hant": {
		"home":            "首頁",
		"sections":        "欄目",
		"latest":          "最新簡報",
		"allBriefs":       "全部簡報",
		"source":          "來源",
		"editor":          "責任編輯",
		"published":       "發布時間",
		"tags":            "標籤",
		"allTags":         "全部標籤",
		"related":         "相關簡報",
		"nextPage":        "下一頁",
		"prevPage":        "上一頁",
		"pageOf":          "第 %d 頁，共 %d 頁",
		"pagination":      "分頁",
		"translations":    "其他語言版本",
		"noTranslation":   "本文暫無%s版本。",
		"language":        "語言",
		"skipToContent":   "跳到正文",
		"briefsOne":       "%s篇簡報",
		"briefsOther":     "%s篇簡報",
		"draft":           "草稿",
		"chooseLanguage":  "請選擇語言",
		"noBriefs":        "暫無簡報。",
		"subsections":     "子欄目",
		"taggedWith":      "標籤：%s",
		"footer":          "本站由 briefs 生成。",
		"onThisPage":      "本頁目錄",
		"backToTop":       "回到頂部",
		"readMore":        "閱讀全文",
		"tagTitle":        "標籤：%s",
		"notFound":        "頁面未找到",
		"notFoundText":    "您訪問的頁面不存在或已被移動。",
		"footnotes":       "註釋",
		"mainNavigation":  "主導航",
		"breadcrumb":      "位置",
		"translationNote": "%s原文在本譯文完成後有更新，譯文可能未反映最新內容。",
		"missingIn":       "本頁暫無%s版本",
		"language-zh":     "中文",
		"language-en":     "英文",
		"keyFigures":      "主要數據",
		"opening":         "導語",
		"permalink":       "本文鏈接",
	},
	"en": {
		"home":            "Home",
		"sections":        "Sections",
		"latest":          "Latest briefs",
		"allBriefs":       "All briefs",
		"source":          "Source",
		"editor":          "Editor",
		"published":       "Published",
		"tags":            "Tags",
		"allTags":         "All tags",
		"related":         "Related briefs",
		"nextPage":        "Next page",
		"prevPage":        "Previous page",
		"pageOf":          "Page %d of %d",
		"pagination":      "Pagination",
		"translations":    "Also available in",
		"noTranslation":   "This brief is not yet available in %s.",
		"language":        "Language",
		"skipToContent":   "Skip to content",
		"briefsOne":       "%s brief",
		"briefsOther":     "%s briefs",
		"draft":           "Draft",
		"chooseLanguage":  "Choose a language",
		"noBriefs":        "No briefs yet.",
		"subsections":     "Subsections",
		"taggedWith":      "Tagged %s",
		"footer":          "Built with briefs.",
		"onThisPage":      "On this page",
		"backToTop":       "Back to top",
		"readMore":        "Read more",
		"tagTitle":        "Tag: %s",
		"notFound":        "Page not found",
		"notFoundText":    "The page you asked for does not exist or has moved.",
		"footnotes":       "Notes",
		"mainNavigation":  "Main navigation",
		"breadcrumb":      "Breadcrumb",
		"translationNote": "The %s original was updated after this translation was made.",
		"missingIn":       "This page is not yet available in %s",
		"language-zh":     "Chinese",
		"language-en":     "English",
		"keyFigures":      "Key figures",
		"opening":         "Opening",
		"permalink":       "Permalink",
	},
}

// builtinTags lists the tables of builtinStrings in the order builtinMatcher knows them:
// English first, so that it is the matcher's answer (with confidence No) for languages
// the theme has no words in.
var builtinTags = []language.Tag{language.English, language.Chinese, language.TraditionalChinese}

// builtinMatcher finds the table of builtinStrings for a language as CLDR relates
// languages: zh-CN and zh-Hans match zh, zh-TW and zh-HK zh-Hant, en-US and en-GB en.
var builtinMatcher = language.NewMatcher(builtinTags)

// builtinFor returns the built-in words in language t, if the theme has them:
// t matched one of builtinTags with at least High confidence.
func builtinFor(t language.Tag) (name string, table map[string]string, ok bool) {
	_, i, conf := builtinMatcher.Match(t)
	if conf < language.High {
		return "", nil, false
	}
	name = builtinTags[i].String()
	return name, builtinStrings[name], true
}
