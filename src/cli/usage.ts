const lines: [string, string][] = [
  ['start', '迁移数据库、首次运行时载入演示数据并启动服务（npm start）'],
  ['serve [--port N]', '启动门户网站和后台（环境变量 PORT，默认 3000）'],
  ['migrate', '执行数据库迁移'],
  ['user add --agency CODE --role ROLE --name NAME', '新增用户并打印一次性生成的密码'],
  ['demo', '载入演示数据（湘潭县信访局等）'],
  ['backup FILE', '备份整个数据库（含告知书与附件）为一个文件'],
  ['restore FILE', '把备份恢复到一个空数据库（可从 PGlite 迁到 PostgreSQL）'],
  ['calendar import FILE | show YEAR', '导入或查看某年的节假日与调休安排'],
  ['deadline --received YYYY-MM-DD …', '计算依申请公开答复期限并给出推算过程'],
  ['fee --pieces N | --pages N', '按国办函〔2020〕109号计算信息处理费'],
  [
    'remedy --outcome KEY --decided YYYY-MM-DD [--agency CODE]',
    '答复告知书应载明的救济途径（按决定之日适用的行政复议法）',
  ],
  ['check <file|dir>… [--previous FILE] [--json]', '检查年度报告的格式与勾稽关系'],
  [
    'import FILE --agency CODE --year YYYY',
    '导入上年度报告文件（用于次年的结转与现行有效件数检查）',
  ],
  ['render <file> --to html|docx|xlsx|md|json|pdf [-o FILE]', '把年度报告转换为其他格式'],
  [
    'report --agency CODE --year YYYY [--json | --to FMT -o FILE]',
    '由办理记录生成年度报告（表三、表四）并检查',
  ],
];

export function printUsage(): void {
  console.log('用法：gongkai <命令> [参数]\n');
  for (const [command, text] of lines) console.log(`  ${command.padEnd(58)} ${text}`);
  console.log('\n所有命令都读取 GONGKAI_DATA_DIR（默认 ./data）和 DATABASE_URL。');
}
