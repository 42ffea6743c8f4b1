// Package chart draws the charts of the chart shortcode as inline SVG, at build time,
// with every number written in the page's language by package figures.
//
// A brief's author writes the data once per language, in that language's notation,
// and the page shows it the way its text does: 7.9亿元 on the Chinese page, 790
// million yuan on the English one, with the same exact value behind both, which is
// what briefs check compares. No JavaScript runs; the chart prints as sharply as the
// text, and a screen reader gets a title, a description of every value and the data
// as a table.
//
// # Parameters
//
//	type       bar (the default), line or number
//	orient     horizontal (the default) or vertical, for bars
//	stacked    "true" stacks a row's values instead of grouping them
//	title      above the chart, and its accessible name
//	caption    after the title
//	source     under the chart: "来源：…" / "Source: …"
//	unit       written after every cell: 亿元, yuan, million yuan, 件, %
//	x          the column of labels (default: the first)
//	columns    the columns of values, comma-separated (default: all the others)
//	sort       desc or asc, by the first series (or the stack's total)
//	highlight  the label of one bar to stand out; the others are greyed
//	value      a number card's figure, with no data
//	data       a .csv or .toml file: next to the brief, else in data/ (/x.csv: the site's root)
//
// # Data
//
// CSV: a header naming the columns, then a line a row; fields may be quoted ("a, b")
// with "" for a quote. TOML: columns = ["label", "value"] and rows = [["甲", 7.9], …].
// A cell and the unit together must read as a figure (package figures): 7.9 with
// 亿元 is 7.9亿元; a cell may carry its own scale word and qualifier (2235万, 8219万余,
// "more than 82.19 million"). One chart measures one unit.
//
// # Drawing
//
// The chart is drawn in a box 420 units wide that the page scales to its column. The
// value axis starts at zero and is cut in steps of 1, 2 or 5 times a power of ten, in
// the scale the largest value calls for: 亿 or 万 in Chinese, million or billion in
// English, named by the unit line ("单位：亿元", "billion yuan"). Bars are labelled
// with their values as the page writes figures; horizontal bars put each label on a
// line of its own above its bar, so that no label has to fit beside it on a phone. A
// line chart whose labels are all dates (2023, 2023-06, 2023-06-30) spaces its points
// by time and writes the dates in the page's language. Series are told apart by
// colour (Okabe and Ito's colour-blind-safe hues) and, for lines, by dash and marker.
//
// Every value is also in a data-value attribute (its exact decimal) and a <title>
// tooltip. The same data gives the same bytes: coordinates are written with one
// decimal, and nothing depends on maps or time.
//
// # Errors
//
// A problem in the data is an *Error at its byte offset in the data (the cell, the
// row, the header); a problem with a parameter has Offset -1 and belongs to the
// shortcode. The caller places them in the brief or the data file.
package chart
