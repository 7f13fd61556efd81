const lines: [string, string][] = [
  [
    'start [--port N] [--host H]',
    '迁移数据库、首次运行时载入演示数据，只在本机启动试用（npm start）',
  ],
  [
    'serve [--port N] [--host H]',
    '启动门户网站和后台（默认 0.0.0.0:3000；仍有演示密码时拒绝启动）',
  ],
  ['migrate', '执行数据库迁移'],
  ['agency add --code CODE --name NAME [--kind K] [--parent CODE]', '新增单位（人民政府或部门）'],
  ['user add --agency CODE --role ROLE --name NAME', '新增用户并打印一次性生成的密码'],
  ['user passwd --name NAME [--generate]', '为用户设置新密码（输入、从标准输入读取或生成）'],
  ['demo', '载入演示数据（湘潭县信访局等）'],
  ['backup FILE', '备份整个数据库（含告知书与附件）为一个文件'],
  ['restore FILE', '把备份恢复到一个空数据库（可从 PGlite 迁到 PostgreSQL）'],
  ['calendar import FILE | show YEAR', '导入或查看某年的节假日与调休安排（导入后自动重算期限）'],
  [
    'reproject [--kind application|petition|publication]',
    '按现行日历和规则重算已存的答复期限等（每日零时自动运行）',
  ],
  ['deadline --received YYYY-MM-DD …', '计算依申请公开答复期限并给出推算过程'],
  ['fee --pieces N | --pages N', '按国办函〔2020〕109号计算信息处理费'],
  [
    'remedy --outcome KEY --decided YYYY-MM-DD [--agency CODE]',
    '答复告知书应载明的救济途径（按决定之日适用的行政复议法）',
  ],
  ['check <file|dir>… [--previous FILE] [--json]', '检查年度报告的格式与勾稽关系'],
  ['scan FILE… [--json]', '上传前检查附件（docx/xlsx/pdf）中的个人信息与隐藏内容'],
  [
    'import FILE --agency CODE --year YYYY',
    '导入上年度报告文件（用于次年的结转与现行有效件数检查）',
  ],
  ['render <file> --to html|docx|xlsx|md|json|pdf [-o FILE]', '把年度报告转换为其他格式'],
  [
    'report --agency CODE --year YYYY [--json | --to FMT -o FILE]',
    '由办理记录生成年度报告（表三、表四）并检查',
  ],
  [
    'import-catalogue FILE.xlsx|csv --agency CODE [--map 旧分类=代码] [--dry-run]',
    '导入旧系统的公开目录（保留索引号、日期和分类，逐条隐私检查）',
  ],
  ['export-open-data DIR [--agency CODE]', '把全部公开数据导出为 JSON 和 CSV 文件及清单'],
];

export function printUsage(): void {
  console.log('用法：gongkai <命令> [参数]\n');
  for (const [command, text] of lines) console.log(`  ${command.padEnd(62)} ${text}`);
  console.log('\n所有命令都读取 GONGKAI_DATA_DIR（默认 ./data）和 DATABASE_URL。');
}
