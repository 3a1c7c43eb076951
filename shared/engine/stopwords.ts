/**
 * Words that carry no product information in catalogue text or in NAICS index entries:
 * function words, units, sizes, colours, order-form boilerplate, and NAICS framing words
 * ("manufacturing", "establishments"). Compared after stemming, so each is written as the stemmer
 * leaves it (a test checks): "series" had become "sery" and never matched.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or of for with without in on to by at as from into per via than be is are ' +
    'this that these those it its all any each other others etc eg ie not no nor only such ' +
    'made make making manufacturing manufacture mfg establishment primarily engaged industry ' +
    'comprise comprising except including include includ classified sector subsector ' +
    'known also generally new used type style model size sz inch in ft mm cm ' +
    'lb oz kg yd pc pcs ea each pr pair dozen dz qty quantity unit unitss set ' +
    'ml cc mg gb tb mbp gbp btu mbh therm ccf gal gallon liter litre qt quart pint ounce ream ' +
    'black white red blue green yellow orange gray grey brown clear silver gold color colour ' +
    'small medium large xlarge xxl xxxl xs extra regular standard std ' +
    'item items part parts number catalog order ordered ordering purchase po pr req ' +
    'deliver furnish provide date shall later rc ln del bo pf quote equote contract annual annually ' +
    'daily weekly monthly quarterly yearly wkly mthly mnthly qtrly yrly equiv ' +
    'estimated estimate amount cost price total fy misc various per approx approximately ' +
    'us usa na mfr brand use using based purpose one two three four five six ' +
    // a request's framing ("can we buy grass seed", "we need two porta-potties", "please order …")
    'we you our your my me please pls need want could would should someone somebody anyone buy get like keep some few another'
  ).split(/\s+/),
);

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}

/**
 * Units that are also nouns of their own ("water meter", "foot protection", "day care", "PC" a
 * computer, "HR" human resources, "CU" copper, "PLY" plywood, "PM" maintenance, "CT" a scan, "VAC"
 * a vacuum): dropped only after a number ("2 nights", "SOCKET SET 40 PC", "6 HRS", "1.1 CU FT",
 * "2-ply", "2 PM", "165 ct", "480 VAC"). Compared as written and after stemming.
 */
const NOUN_UNITS = new Set([
  'meter', 'yard', 'foot', 'feet', 'minute', 'hour', 'night', 'day', 'week', 'month', 'year', 'pc', 'pcs',
  'min', 'hr', 'hrs', 'wk', 'wks', 'mo', 'mos', 'yr', 'yrs', 'cu', 'sq', 'sf', 'lf', 'cy', 'ton', 'ply',
  'pm', 'ct', 'cs', 'vac',
]);

export function isNounUnit(term: string): boolean {
  return NOUN_UNITS.has(term);
}
