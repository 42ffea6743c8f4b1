// Package figures reads and writes the numbers in a policy brief — amounts,
// counts and percentages — in Chinese or English notation, exactly.
//
// Chinese groups large numbers by 万 (10^4), 亿 (10^8) and 万亿 (10^12);
// English by thousand, million, billion and trillion. Translating between
// the two by hand is where errors creep in (7.9亿 is 790 million, not 79
// million), so a brief states each figure once and the site writes it in
// every language. Values are exact decimals, never floats: 15.06亿 is exactly
// 1506000000, and writing it back gives 15.06亿 or 1.506 billion, never
// 1.5059999 billion.
//
// # Writing a figure
//
// A figure is an optional qualifier, a number, an optional scale word, and
// an optional unit or percent sign:
//
//	Chinese                  English
//	7.9亿元                  790 million yuan
//	约2亿                    about 200 million
//	8219万余元               more than 82.19 million yuan
//	近3000人                 nearly 3,000 people
//	超15亿元                 over 1.5 billion yuan
//	91.36%                   91.36%
//	1万亿元                  1 trillion yuan
//
// Numbers are ASCII (or full-width) digits with an optional decimal point and
// sign: 4112, 15.06, -5. Commas group digits in threes (48,000) in either
// language; any other grouping (1,23) is an error rather than a guess.
// Chinese numerals (三千) are not read.
//
// Scale words: 万, 亿 and 万亿 in Chinese; thousand, million, billion and
// trillion in English (any letter case). One scale word per figure: 7.9亿亿
// is an error, not 7.9×10^16. 千 and 百 are not scale words.
//
// Qualifiers: 余 or 多 after the number or after its scale word (6800余名,
// 80余万人, 8219万余元) mean "more than"; 近 or 将近 before the number mean
// "nearly"; 约 or 大约 "about"; 超, 超过 or 逾 "over". In English: "more
// than", "nearly" or "almost", "about", "around" or "approximately", and
// "over". A figure has at most one qualifier.
//
// Units are the words registered in a [Units] registry, in any of their
// languages and forms (起, 件, case and cases all name the unit "case").
// 个 is the generic measure word: it is kept in Chinese output but names no
// unit, so in English the number stands alone. A percentage (91.36% or
// 91.36 percent) takes no scale word and no unit.
//
// # Limits
//
// A figure must be below 10^16 in magnitude (at most 9999万亿, or 9,999
// trillion) and have at most 14 decimal places once its scale word is
// applied, so at most 30 significant digits. Beyond 9999万亿 Chinese would
// need two scale words, and no figure in a brief is that large or that
// precise; anything beyond the limits is almost certainly a typo, so it is
// reported rather than written out.
//
// # Output
//
// Chinese output uses 万亿 from 10^12 and 亿 from 10^8 when that needs at
// most 4 decimals (1.5万亿, 15.06亿), and 万 from 10^4 when that needs at most
// 2 decimals (2235万, 4.8万); anything else is plain digits without grouping
// (18668, 99999999). 约, 近 and 超 go before the number; 余 and 多 after the
// scale word, before the unit (8219万余元). The unit is written with the word
// the source used when that is one of its Chinese forms (名 stays 名), else
// its first Chinese form.
//
// English output groups digits by commas below one million (48,000); from
// one million up it uses million, billion or trillion when the number before
// the scale word needs at most 3 decimals (22.35 million, 1.506 billion),
// and all digits otherwise (1,234,567), so no digit is ever lost. The unit's
// singular or plural follows the CLDR plural rule for the exact value (1
// case, 0 cases, 1.5 million cases).
//
// Other languages use the same short-scale rule with their own digit
// grouping and decimal mark (from golang.org/x/text), their own plural rules
// for unit words, and their own scale and qualifier words where this package
// knows them (French and German: 1,5 milliard de yuans, über 1,5 Milliarden
// Yuan); any other language falls back to English scale and qualifier words.
// A unit must have words in the language (or a parent: en-GB uses en), or
// Format reports which unit is missing them; the built-in units have
// Chinese, English, French and German words. Parsing reads only Chinese
// and English notation; Parse(Format(f, "zh")) and Parse(Format(f, "en"))
// give back f's value, unit and qualifier.
package figures
