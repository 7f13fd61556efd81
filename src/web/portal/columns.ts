/** The standard sub-columns of an agency's 政府信息公开 column, plus 依申请公开. */
export const agencyColumns = [
  {
    key: 'guide',
    path: 'guide',
    title: '政府信息公开指南',
    description: '公开的方式、途径，申请的受理机构与办理流程。',
  },
  {
    key: 'rules',
    path: 'rules',
    title: '政府信息公开制度',
    description: '本机关政府信息公开的工作制度。',
  },
  {
    key: 'statutory',
    path: 'statutory',
    title: '法定主动公开内容',
    description: '《条例》第二十条规定应当主动公开的政府信息。',
  },
  {
    key: 'reports',
    path: 'reports',
    title: '政府信息公开年报',
    description: '历年政府信息公开工作年度报告。',
  },
  {
    key: 'apply',
    path: 'request',
    title: '依申请公开',
    description: '如何申请、办理时限与上一年度办理情况；在线提交申请，查询办理进度。',
  },
  {
    key: 'petition',
    path: 'petition',
    title: '网上信访',
    description: '信访、投诉、举报请由此提交（不属于政府信息公开申请）。',
  },
] as const;
