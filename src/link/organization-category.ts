const CATEGORIES: [RegExp, string][] = [
  [/法院|仲裁委员会|仲裁院/, 'court'],
  [/证监会|证券监督管理|交易所|银保监|金融监督管理|人民银行|外汇管理/, 'regulator'],
  [/银行|信用社|信托/, 'bank'],
  [/证券|基金|资产管理|资本/, 'financial'],
  [/政府|委员会|管理局|局$|厅$|部$|办公室/, 'government'],
];

/** A coarse category for an organisation, from its name. */
export function organizationCategory(name: string, modelType?: string): string {
  for (const [pattern, category] of CATEGORIES) if (pattern.test(name)) return category;
  return modelType === 'government' ? 'government' : 'other';
}

/** Names that are institutions rather than companies, when a role admits either. */
export function looksLikeInstitution(name: string): boolean {
  return /法院|仲裁|证监会|交易所|人民银行|政府|委员会|管理局|^.{0,8}局$|公安|检察院/.test(name);
}
