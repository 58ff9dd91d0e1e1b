// The whole zh-tw course, converted as the site converts it, read for the words a mainland reader would stumble on:
// new lecture text and new widget strings are checked the moment they are written.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import OpenCC from 'opencc-js/t2cn';
import { toSimplified } from '../../src/lib/i18n/convert.ts';

/** Simplified text that only comes out of a Taiwan word converted wrongly or not at all, with what it should be. */
const FORBIDDEN: Record<string, string> = {
  指针: '指標 is an index here: 指标',
  在线: '線上 is "on the line" here (曲线上); OpenCC writes 曲在线',
  原着: '原著 is an original work',
  矢量: '向量 stays 向量 (特征向量)',
  杂讯: '雜訊 is 噪声',
  全域: '全域最小值 is 全局最小值',
  乱数: '亂數種子 is 随机种子',
  滑杆: '滑桿 is 滑块',
  重设: '重設 is 重置',
  建置: '建置 is 构建',
  信心区间: '信心區間 is 置信区间',
  信赖区间: '信賴區間 is 置信区间',
  量测: '量測 is 测量',
  高级: '高階 is 高阶 (higher-order), not "advanced"',
  低级: '低階 is 低阶',
  交互图: '互動圖 is 交互式图',
  连接性: '連線性網路 is 连 + 线性网络',
  数据源: '資料來源 is 数据来源',
  品质: '品質 is 质量',
  变异数: '變異數 is 方差',
  纯量: '純量 is 标量',
  连锁律: '連鎖律 is 链式法则',
  最小平方: '最小平方 is 最小二乘',
  座标: '座標 is 坐标',
  成长: '成長 is 增长',
  激励函数: '激勵函數 is 激活函数',
  活化: '活化 is 激活',
  蒙地卡罗: '蒙地卡羅 is 蒙特卡洛',
  卷动: '捲動 is 滚动',
  结果档: '結果檔 is 结果文件',
  拖曳: '拖曳 is 拖动',
  想像: '想像 is 想象',
  常态分布: '常態分布 is 正态分布',
  封闭形式: '封閉形式 is 闭合形式',
  封闭解: '封閉解 is 闭式解',
  门槛: '門檻 is 阈值',
  空白键: '空白鍵 is 空格键',
  橘色: '橘色 is 橙色',
  实务: '實務 is 实践',
  笔数据: '筆資料 is 条数据',
  笔训练: '筆訓練… is 个训练… / 条训练…',
  急遽: '急遽 is 急剧',
  仰赖: '仰賴 is 依赖',
  侦测: '偵測 is 检测',
  透过: '透過 is 通过',
  相依性: '相依性 is 依赖性',
  化约: '化約成 is 归结为',
  判准: '判準 is 判据',
  散布图: '散佈圖 is 散点图',
  区块: '區塊 is 块',
  单范正交: '單範正交 is 标准正交',
  电脑辅助: '電腦輔助 is 计算机辅助',
  等比级数: '等比級數 is 几何级数',
  二次微分: '二次微分 is 二阶导数',
  '打开 JavaScript': '開啟 JavaScript is 启用 JavaScript',
  个工作: '個工作 (a reproduction job) is 个任务',
  背景计算: '背景計算 is 后台计算',
  串行: '序列 is a sequence, not a serial port',
  进程: '程序 is a procedure, not an OS process',
  内核: '核心 is a core, not an OS kernel',
};

const lectureDir = new URL('../../src/content/lectures/zh-tw/', import.meta.url);
const lectures = readdirSync(lectureDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => [`lectures/zh-tw/${f}`, readFileSync(new URL(f, lectureDir), 'utf8')] as const);
const uiStrings = JSON.parse(readFileSync(new URL('../../src/content/i18n/zh-tw.json', import.meta.url), 'utf8')) as Record<string, string>;
const sources: (readonly [string, string])[] = [...lectures, ...Object.entries(uiStrings).map(([k, v]) => [`zh-tw.json ${k}`, v] as const)];

/** Each forbidden word in `text`, with a little context, for a failure message that says where to look. */
function findForbidden(name: string, text: string): string[] {
  const found: string[] = [];
  for (const [word, why] of Object.entries(FORBIDDEN)) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      found.push(`${name}: …${text.slice(Math.max(0, i - 12), i + word.length + 12).replace(/\n/g, ' ')}… (${why})`);
    }
  }
  return found;
}

describe('the zh-cn edition of the whole course', () => {
  it('has lecture files and widget strings to read', () => {
    expect(lectures.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(uiStrings).length).toBeGreaterThan(300);
  });

  it('contains none of the forbidden outputs', () => {
    expect(sources.flatMap(([name, text]) => findForbidden(name, toSimplified(text)))).toEqual([]);
  });

  it('converts the layout strings to text that a second conversion leaves alone', () => {
    // Layouts take zh-cn strings already converted (translator('zh-cn')), and the page is converted again on its way
    // out, so these must not change twice (OpenCC would, for instance, turn a converted 文件 into 文档).
    const layout = Object.entries(uiStrings).filter(([key]) => !key.startsWith('widget.'));
    expect(layout.length).toBeGreaterThan(20);
    const unstable = layout.filter(([, text]) => toSimplified(toSimplified(text)) !== toSimplified(text)).map(([key]) => key);
    expect(unstable).toEqual([]);
  });

  it('would contain them under OpenCC alone, so the check above has something to catch', () => {
    const plain = OpenCC.Converter({ from: 'twp', to: 'cn' });
    const text = sources.map(([, t]) => plain(t)).join('\n');
    for (const word of ['指针', '在线', '原着', '矢量', '杂讯', '全域', '乱数', '滑杆', '重设', '建置', '信赖区间', '量测', '高级']) {
      expect(text, word).toContain(word);
    }
  });
});
