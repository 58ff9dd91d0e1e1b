// The course's own Taiwan → mainland dictionary, applied before OpenCC (convert.ts): words OpenCC leaves in Taiwan
// usage, words OpenCC rewrites wrongly, and phrases kept whole so that nothing matches across their edge.

export interface DictionaryEntry {
  /** The phrase as the zh-tw source writes it (Traditional characters). */
  readonly tw: string;
  /** What a mainland reader expects, in Simplified characters; it goes into the page exactly as written here. */
  readonly cn: string;
  /**
   * `taiwan`: Taiwan usage that OpenCC only converts character by character (雜訊 → 杂讯, not 噪声).
   * `opencc`: OpenCC's phrase table rewrites it, wrongly for this course (向量 → 矢量, 曲線上 → 曲在线).
   * `guard`: a phrase kept whole so that a shorter entry or an OpenCC phrase does not match across its edge
   * (重設計 is not 重設 + 計; in 連線性網路 OpenCC must not see 連線).
   */
  readonly kind: 'taiwan' | 'opencc' | 'guard';
  /** Written before the zh-tw text used it, because the course is likely to (序列, 程序); exempt from the in-use check. */
  readonly ahead?: true;
  /** One line: what goes wrong without the entry. */
  readonly why: string;
}

export const ZH_CN_DICTIONARY: readonly DictionaryEntry[] = [
  // OpenCC's phrase table (TWPhrasesRev) reads these as computing terms or as another word.
  { tw: '指標', cn: '指标', kind: 'opencc', why: 'OpenCC gives 指针 (a pointer); the Morse index of a critical point is 指标' },
  { tw: '向量', cn: '向量', kind: 'opencc', why: 'OpenCC gives 矢量; mainland linear algebra says 向量 (特征向量, 单位向量)' },
  { tw: '線上', cn: '线上', kind: 'opencc', why: 'OpenCC reads 線上 as "online" (在线) and splits 曲線上, 對角線上 into 曲在线, 对角在线' },
  { tw: '原著', cn: '原著', kind: 'opencc', why: 'OpenCC turns 著 into the particle 着 (原着); here it is the original work' },
  { tw: '高階', cn: '高阶', kind: 'opencc', why: 'OpenCC gives 高级 ("advanced"); higher-order terms are 高阶项' },
  { tw: '低階', cn: '低阶', kind: 'opencc', ahead: true, why: 'OpenCC gives 低级 ("inferior"); low-order is 低阶' },
  { tw: '資料來源', cn: '数据来源', kind: 'opencc', why: 'OpenCC gives 数据源, a database term; a note on sources is 关于数据来源的说明' },
  { tw: '互動圖', cn: '交互式图', kind: 'opencc', why: 'OpenCC gives 交互图 (an interaction diagram); an interactive chart is 交互式图表' },
  { tw: '互動講義', cn: '交互式讲义', kind: 'opencc', why: 'OpenCC gives 交互讲义; interactive lecture notes are 交互式讲义' },
  { tw: '開啟 JavaScript', cn: '启用 JavaScript', kind: 'opencc', why: 'OpenCC gives 打开 JavaScript; browsers ask to 启用 JavaScript' },
  { tw: '序列', cn: '序列', kind: 'opencc', ahead: true, why: 'OpenCC gives 串行 (a serial port); a sequence is 序列' },
  { tw: '程序', cn: '程序', kind: 'opencc', ahead: true, why: 'OpenCC gives 进程 (an OS process); a procedure is 程序' },
  { tw: '核心', cn: '核心', kind: 'opencc', ahead: true, why: 'OpenCC gives 内核 (an OS kernel); a core idea is 核心' },
  { tw: '類比', cn: '类比', kind: 'opencc', ahead: true, why: 'OpenCC gives 模拟 (analog circuits); an analogy is 类比' },
  { tw: '建立', cn: '建立', kind: 'opencc', ahead: true, why: 'OpenCC gives 创建 (creating a file); 建立直觉, 建立联系 keep 建立' },

  // Taiwan terms that OpenCC converts only character by character.
  { tw: '雜訊', cn: '噪声', kind: 'taiwan', why: 'OpenCC gives 杂讯; noise is 噪声' },
  { tw: '全域', cn: '全局', kind: 'taiwan', why: 'OpenCC gives 全域 (全域最小值); a global minimum is 全局最小值' },
  { tw: '亂數種子', cn: '随机种子', kind: 'taiwan', why: 'OpenCC gives 乱数种子; a random seed is 随机种子' },
  { tw: '亂數', cn: '随机数', kind: 'taiwan', ahead: true, why: 'OpenCC gives 乱数; random numbers are 随机数' },
  { tw: '滑桿', cn: '滑块', kind: 'taiwan', why: 'OpenCC gives 滑杆; the UI control is a 滑块' },
  { tw: '重設', cn: '重置', kind: 'taiwan', why: 'OpenCC gives 重设; the reset button is 重置' },
  { tw: '建置', cn: '构建', kind: 'taiwan', why: 'OpenCC gives 建置; building a site is 构建' },
  { tw: '信心區間', cn: '置信区间', kind: 'taiwan', ahead: true, why: 'OpenCC gives 信心区间; a confidence interval is 置信区间' },
  { tw: '信賴區間', cn: '置信区间', kind: 'taiwan', why: 'OpenCC gives 信赖区间; a confidence interval is 置信区间' },
  { tw: '信心下', cn: '置信度下', kind: 'taiwan', why: '"95% 信心下" is "at 95% confidence", 95% 置信度下' },
  { tw: '量測', cn: '测量', kind: 'taiwan', why: 'OpenCC gives 量测; to measure is 测量' },
  { tw: '品質', cn: '质量', kind: 'taiwan', why: 'OpenCC gives 品质; the quality of local minima is their 质量' },
  { tw: '共變異數', cn: '协方差', kind: 'taiwan', why: 'OpenCC gives 共变异数; covariance is 协方差' },
  { tw: '變異數', cn: '方差', kind: 'taiwan', why: 'OpenCC gives 变异数; variance is 方差' },
  { tw: '捲動', cn: '滚动', kind: 'taiwan', why: 'OpenCC gives 卷动; scrolling is 滚动' },
  { tw: '座標', cn: '坐标', kind: 'taiwan', why: 'OpenCC gives 座标; coordinates are 坐标' },
  { tw: '純量', cn: '标量', kind: 'taiwan', why: 'OpenCC gives 纯量; a scalar is 标量' },
  { tw: '連鎖律', cn: '链式法则', kind: 'taiwan', why: 'OpenCC gives 连锁律; the chain rule is 链式法则' },
  { tw: '最小平方', cn: '最小二乘', kind: 'taiwan', why: 'OpenCC gives 最小平方; least squares is 最小二乘 (最小二乘法, 最小二乘拟合)' },
  { tw: '成長', cn: '增长', kind: 'taiwan', why: 'OpenCC gives 成长; exponential or logarithmic growth is 指数增长, 对数增长' },
  { tw: '等比級數', cn: '几何级数', kind: 'taiwan', why: 'OpenCC gives 等比级数; growing geometrically is 以几何级数增长' },
  { tw: '實務上', cn: '实践中', kind: 'taiwan', why: 'OpenCC gives 实务上; "in practice" is 实践中' },
  { tw: '實務', cn: '实践', kind: 'taiwan', why: 'OpenCC gives 实务; theory and practice are 理论和实践' },
  { tw: '活化', cn: '激活', kind: 'taiwan', why: 'OpenCC gives 活化; a unit that is on is 激活的' },
  { tw: '激勵函數', cn: '激活函数', kind: 'taiwan', why: 'OpenCC gives 激励函数; an activation function is 激活函数' },
  { tw: '神經元不啟動', cn: '神经元不激活', kind: 'taiwan', why: 'OpenCC gives 启动 (starting a machine); a neuron is 激活' },
  { tw: '仍然不啟動', cn: '仍然不激活', kind: 'taiwan', why: 'a neuron that stays off: 不激活, not 不启动' },
  { tw: '點上都不啟動', cn: '点上都不激活', kind: 'taiwan', why: 'a neuron off on every data point: 不激活, not 不启动' },
  { tw: '點上都啟動', cn: '点上都激活', kind: 'taiwan', why: 'a neuron on at every data point: 激活, not 启动' },
  { tw: '都不會啟動', cn: '都不会激活', kind: 'taiwan', why: 'a neuron that cannot turn on: 不会激活, not 不会启动' },
  { tw: '輸入都啟動', cn: '输入都激活', kind: 'taiwan', why: 'every neuron on a path active for an input: 激活' },
  { tw: '路徑啟動', cn: '路径激活', kind: 'taiwan', why: 'a path is active (激活), not started' },
  { tw: '啟動變數', cn: '激活变量', kind: 'taiwan', why: 'the activation variables z of the spin-glass model are 激活变量' },
  { tw: '啟動，輸出', cn: '激活，输出', kind: 'taiwan', why: '"the neuron is active only at x = −1, giving…": 激活' },
  { tw: '視為未啟動', cn: '视为未激活', kind: 'taiwan', why: 'the one-sided Hessian with the unit off: 未激活' },
  { tw: '視為啟動', cn: '视为激活', kind: 'taiwan', why: 'the one-sided Hessian with the unit on: 激活' },
  { tw: '輸出偏差', cn: '输出偏置', kind: 'taiwan', why: 'the bias parameter of a layer is 偏置 (偏差 is a deviation)' },
  { tw: '沒有偏差', cn: '没有偏置', kind: 'taiwan', why: 'every 沒有偏差 in the course is "without a bias term", 没有偏置' },
  { tw: '權重和偏差', cn: '权重和偏置', kind: 'taiwan', why: 'weights and biases are 权重和偏置' },
  { tw: '之後的偏差', cn: '之后的偏置', kind: 'taiwan', why: 'the bias after the dead layer is a 偏置' },
  { tw: '把偏差設成', cn: '把偏置设成', kind: 'taiwan', why: 'setting the biases very negative: 偏置' },
  { tw: '偏差項', cn: '偏置项', kind: 'taiwan', ahead: true, why: 'a bias term is 偏置项' },
  { tw: '零偏差', cn: '零偏置', kind: 'taiwan', why: 'zero-bias initialisation: 零偏置' },
  { tw: '偏差為零', cn: '偏置为零', kind: 'taiwan', why: 'biases set to zero: 偏置为零' },
  { tw: '蒙地卡羅', cn: '蒙特卡洛', kind: 'taiwan', why: 'OpenCC gives 蒙地卡罗; Monte Carlo is 蒙特卡洛' },
  { tw: '電腦輔助', cn: '计算机辅助', kind: 'taiwan', why: 'OpenCC gives 电脑辅助; a computer-assisted proof is 计算机辅助证明' },
  { tw: '結果檔', cn: '结果文件', kind: 'taiwan', why: 'OpenCC gives 结果档; a results file is 结果文件' },
  { tw: '拖曳', cn: '拖动', kind: 'taiwan', why: 'OpenCC keeps 拖曳; dragging with the mouse is 拖动' },
  { tw: '想像', cn: '想象', kind: 'taiwan', why: 'OpenCC keeps 想像; the mainland form is 想象' },
  { tw: '常態分布', cn: '正态分布', kind: 'taiwan', why: 'OpenCC gives 常态分布; the normal distribution is 正态分布' },
  { tw: '常態分佈', cn: '正态分布', kind: 'taiwan', ahead: true, why: 'the same with the variant 佈' },
  { tw: '封閉形式', cn: '闭合形式', kind: 'taiwan', why: 'OpenCC gives 封闭形式; a closed form is 闭合形式' },
  { tw: '封閉解', cn: '闭式解', kind: 'taiwan', why: 'OpenCC gives 封闭解; a closed-form solution is 闭式解' },
  { tw: '門檻', cn: '阈值', kind: 'taiwan', why: 'OpenCC gives 门槛; a numerical threshold is 阈值' },
  { tw: '空白鍵', cn: '空格键', kind: 'taiwan', why: 'OpenCC gives 空白键; the key is 空格键' },
  { tw: '橘色', cn: '橙色', kind: 'taiwan', why: 'OpenCC keeps 橘色; the colour name is 橙色' },
  { tw: '急遽', cn: '急剧', kind: 'taiwan', why: 'OpenCC keeps 急遽; a sharp drop is 急剧下降' },
  { tw: '仰賴', cn: '依赖', kind: 'taiwan', why: 'OpenCC gives 仰赖; to rely on is 依赖' },
  { tw: '偵測', cn: '检测', kind: 'taiwan', why: 'OpenCC gives 侦测; a test detecting something is 检测' },
  { tw: '透過', cn: '通过', kind: 'taiwan', why: 'OpenCC gives 透过 ("seen through"); "by means of" is 通过' },
  { tw: '相依性', cn: '依赖性', kind: 'taiwan', why: 'OpenCC gives 相依性; statistical dependence is 依赖性' },
  { tw: '化約成', cn: '归结为', kind: 'taiwan', why: 'OpenCC gives 化约成; reducing a problem to a case is 归结为' },
  { tw: '判準', cn: '判据', kind: 'taiwan', why: 'OpenCC gives 判准; a criterion is 判据' },
  { tw: '散佈圖', cn: '散点图', kind: 'taiwan', why: 'OpenCC gives 散布图; a scatter plot is 散点图' },
  { tw: '區塊', cn: '块', kind: 'taiwan', why: 'OpenCC gives 区块; a block of a matrix (or of runs) is 块' },
  { tw: '單範正交', cn: '标准正交', kind: 'taiwan', why: 'OpenCC gives 单范正交; orthonormal is 标准正交' },
  { tw: '當地的曲率', cn: '局部的曲率', kind: 'taiwan', why: 'OpenCC gives 当地 (a place); the curvature there is 局部的曲率' },
  { tw: '二次微分', cn: '二阶导数', kind: 'taiwan', why: 'OpenCC gives 二次微分; second derivatives are 二阶导数' },
  { tw: '正在背景', cn: '正在后台', kind: 'taiwan', why: 'OpenCC gives 背景 (a backdrop); work off the page runs in the 后台' },
  { tw: '會在背景', cn: '会在后台', kind: 'taiwan', why: 'running in the background (of the page) is 在后台' },
  { tw: '在背景執行緒', cn: '在后台线程', kind: 'taiwan', why: 'a background thread is a 后台线程' },
  { tw: '背景計算', cn: '后台计算', kind: 'taiwan', why: 'the worker computation is 后台计算' },
  { tw: '個工作', cn: '个任务', kind: 'taiwan', why: 'the reproduction jobs are 任务; 3 个工作 reads as three jobs of employment' },
  { tw: '這些工作', cn: '这些任务', kind: 'taiwan', why: 'the results of these jobs: 这些任务' },
  { tw: '工作數', cn: '任务数', kind: 'taiwan', why: 'the number of jobs: 任务数' },
  { tw: '預設的', cn: '默认的', kind: 'taiwan', why: 'OpenCC gives 预设 (a preset); the default run is 默认的训练' },
  { tw: '預設設定', cn: '默认设置', kind: 'taiwan', why: 'the default settings are 默认设置' },
  { tw: '預設：', cn: '默认：', kind: 'taiwan', why: "PyTorch's nn.Linear default: 默认" },
  { tw: '筆資料', cn: '条数据', kind: 'taiwan', why: 'OpenCC gives 笔数据; data records are counted with 条' },
  { tw: '筆訓練輸入', cn: '个训练输入', kind: 'taiwan', why: 'm training inputs: m 个训练输入' },
  { tw: '只有一筆', cn: '只有一条', kind: 'taiwan', why: 'one training record: 只有一条 (训练数据)' },
  { tw: '一筆。', cn: '一条。', kind: 'taiwan', why: '"(x, ŷ) = (1, 1) 一筆" is one record: 一条' },
  // Rows and columns: Taiwan's 列 is a row and 行 a column, the mainland's the other way round.
  { tw: '最後一列', cn: '最后一行', kind: 'taiwan', why: 'the last row of a table; the mainland 最后一列 is its last column' },
  { tw: '其中一列', cn: '其中一行', kind: 'taiwan', why: 'one row of the table: 其中一行' },
  { tw: '前兩列', cn: '前两行', kind: 'taiwan', why: 'the first two rows of the table: 前两行' },
  { tw: '那一列', cn: '那一行', kind: 'taiwan', why: 'the saddle row of the table: 那一行' },
  { tw: '的列）', cn: '的行）', kind: 'taiwan', why: "the paper's table has no n = k + 2 row: 的行" },
  { tw: '的各行', cn: '的各列', kind: 'taiwan', why: 'the inputs are the columns of X (d_x × m): 的各列' },

  // Phrases kept whole so that a shorter entry, or an OpenCC phrase, does not match across their edge.
  { tw: '線性', cn: '线性', kind: 'guard', why: 'in 連線性網路 ("even linear networks") OpenCC reads 連線 as 连接 and writes 连接性网络' },
  { tw: '重設計', cn: '重新设计', kind: 'guard', why: 'a redesign, not 重設 + 計 (重置计)' },
  { tw: '重設定', cn: '重新设置', kind: 'guard', why: 'to set again, not 重設 + 定 (重置定)' },
  { tw: '嚴重設', cn: '严重设', kind: 'guard', why: '嚴重 + 設…, not 嚴 + 重設' },
  { tw: '測量', cn: '测量', kind: 'guard', why: 'keeps 測量測… from being read as 測 + 量測 (测测量…)' },
  { tw: '方向量測', cn: '方向测量', kind: 'guard', why: '方向 + 量測 (measure along a direction), not 方 + 向量 + 測' },
  { tw: '重量測', cn: '重量测', kind: 'guard', why: '重量 + 測… (重量測試), not 重 + 量測' },
  { tw: '信心下降', cn: '信心下降', kind: 'guard', why: 'confidence falling, not 信心下 ("at confidence") + 降' },
  { tw: '複雜訊號', cn: '复杂信号', kind: 'guard', why: '複雜 + 訊號, not 複 + 雜訊 (复噪声号)' },
  { tw: '複雜訊息', cn: '复杂信息', kind: 'guard', why: '複雜 + 訊息, not 複 + 雜訊 (复噪声息)' },
  { tw: '完成長', cn: '完成长', kind: 'guard', why: '完成 + 長… (完成長時間的訓練), not 完 + 成長' },
  { tw: '生成長', cn: '生成长', kind: 'guard', why: '生成 + 長… (生成長度為 n 的序列), not 生 + 成長' },
  { tw: '形成長', cn: '形成长', kind: 'guard', why: '形成 + 長…, not 形 + 成長' },
  { tw: '造成長', cn: '造成长', kind: 'guard', why: '造成 + 長… (造成長期的影響), not 造 + 成長' },
  { tw: '變成長', cn: '变成长', kind: 'guard', why: '變成 + 長… (變成長條), not 變 + 成長' },
  { tw: '區塊鏈', cn: '区块链', kind: 'guard', why: 'a blockchain stays 区块链' },
];
