/** The 公文 fonts used by the DOCX (and aliased to Noto CJK for LibreOffice on Linux). */
export const fonts = {
  /** Title: 方正小标宋简体 二号. */
  title: '方正小标宋简体',
  /** Body and tables: 仿宋_GB2312 三号. */
  body: '仿宋_GB2312',
  /** Section headings: 黑体 三号. */
  heading: '黑体',
} as const;

/** Font sizes in half-points (docx `size`): 二号 22pt, 三号 16pt, 五号 10.5pt. */
export const sizes = { title: 44, body: 32, table: 21 } as const;

/** Linux stand-ins for the 公文 fonts (fonts-noto-cjk). */
export const fontAliases: Record<string, string> = {
  [fonts.title]: 'Noto Serif CJK SC',
  [fonts.body]: 'Noto Serif CJK SC',
  仿宋: 'Noto Serif CJK SC',
  [fonts.heading]: 'Noto Sans CJK SC',
};
