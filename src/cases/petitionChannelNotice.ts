/**
 * The sentence for the 告知书 of a disclosure application decided as 信访举报投诉类申请 (row n1,
 * 《政府信息公开条例》第三十九条第一款): it is not handled as a disclosure application, and the
 * applicant is told the channel — here, that the matter has been registered as a petition.
 */
export function petitionChannelNotice(input: {
  agencyName: string;
  queryCode?: string | null;
  /** The online petition page, e.g. `https://…/a/xiangtan-xfj/petition`. */
  petitionUrl?: string | null;
}): string {
  const registered = input.queryCode
    ? `本机关已将您反映的事项转为信访事项登记办理（信访查询码：${input.queryCode}），将依照《信访工作条例》规定的期限告知受理情况并办理。`
    : '';
  const online = input.petitionUrl ? `、网上信访（${input.petitionUrl}）` : '、网上信访';
  return `您提出的申请属于信访、投诉、举报事项，依据《中华人民共和国政府信息公开条例》第三十九条第一款，本机关不作为政府信息公开申请处理。${registered}您也可以通过来信、来访${online}等渠道向${input.agencyName}或者有权处理的机关提出。`;
}
