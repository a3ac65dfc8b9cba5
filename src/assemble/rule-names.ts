/**
 * Person names in filings: a common surname plus one or two given-name characters. Requiring a known surname
 * keeps words such as 公司/董事 from being read as names, which matters more here than rare surnames.
 */
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES =
  '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|宇文|司徒|夏侯|轩辕|钟离|端木|南宫';

/** A given-name char never starts the word after the name ("赵某申请辞去" is 赵某 + 申请). */
const GIVEN_CHAR =
  '(?!申请|请辞|提出|辞去|辞任|辞职|因|由于|表示|已|将|被|获|为|于|虽|也|还|仍|曾|又|均|都|则|等|先生|女士)[\\u4e00-\\u9fa5]';

/** Regex source of one person's name (no capture group). */
export const PERSON_NAME = `(?:${COMPOUND_SURNAMES}|[${SINGLE_SURNAMES}])(?:${GIVEN_CHAR}){1,2}`;

/** Honorific and the HKEX alias that may follow a name: 邓某某先生（「邓先生」）. */
export const HONORIFIC = '(?:先生|女士)?(?:[（(][「“"]?[\\u4e00-\\u9fa5]{1,4}[」”"]?[）)])?';

/** Where a name without honorific may start: not inside a word, unless right after a title or a verb. */
const BARE_START =
  '(?:(?<![\\u4e00-\\u9fa5])|(?<=董事|监事|经理|总裁|秘书|总监|主席|负责人|股东|控制人|一致行动人|聘任|选举|任命|委任|收到|会计师|工程师|及|和|与))';

/**
 * A name as a whole word: with its honorific, or standing alone and followed by a char that starts the next
 * word (因/申请/为/、…), so that "鉴于廖某某" does not yield "于廖某" nor "相关规定" a "关规定".
 */
export const NAME_UNIT = `(?:${PERSON_NAME}(?:先生|女士)(?:[（(][「“"]?[\\u4e00-\\u9fa5]{1,4}[」”"]?[）)])?|${BARE_START}${PERSON_NAME}(?=[因申提已于由表请辞近本、及和与（(，,为被获将给通自在拟计]))`;

/** Words the surname rule would take for names. */
const NOT_A_NAME = /董事|监事|经理|总裁|公司|股东|先生|女士|本人|集团|会议|规定|有关|相关|关于/;

export function isPersonName(text: string): boolean {
  return new RegExp(`^${PERSON_NAME}$`).test(text) && !NOT_A_NAME.test(text);
}

/** The names in a list such as "张三先生、李四女士及王五", in order, without honorifics or aliases. */
export function splitNames(list: string): string[] {
  const re = new RegExp(`(${PERSON_NAME})${HONORIFIC}(?:[、和及与]|$)`, 'gu');
  return [...list.matchAll(re)].map((m) => m[1] ?? '').filter(isPersonName);
}
