<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="90"/>
        <source>Agreement — biaozhu 标注</source>
        <translation>标注一致性 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="100"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="104"/>
        <source>Pair:</source>
        <translation>标注员对：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="110"/>
        <source>Pairs</source>
        <translation>两两对比</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="110"/>
        <source>Per label</source>
        <translation>按标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="111"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="111"/>
        <source>Confusion</source>
        <translation>标签混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="115"/>
        <source>Click a count to list the disagreements behind it.</source>
        <translation>点击一个计数，列出它背后的分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="151"/>
        <source>%1 documents annotated · annotators: %2 · labels: %3 · Krippendorff&apos;s alpha (all annotators, characters): %4 over %5 documents, %6 characters</source>
        <translation>已标注文档 %1 篇 · 标注员：%2 · 标签：%3 · Krippendorff α（全体标注员，按字符）：%4，基于 %5 篇文档、%6 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="155"/>
        <source>A (reference)</source>
        <translation>A（参照）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="155"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="155"/>
        <location filename="../../gui/dialogs/agreement.py" line="185"/>
        <source>exact P</source>
        <translation>精确匹配 P</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="156"/>
        <location filename="../../gui/dialogs/agreement.py" line="185"/>
        <source>overlap P</source>
        <translation>重叠匹配 P</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="169"/>
        <source>only %1</source>
        <translation>仅 %1 有</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="185"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="186"/>
        <source>spans %1</source>
        <translation>%1 的标注数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="189"/>
        <location filename="../../gui/dialogs/agreement.py" line="202"/>
        <source>all</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="201"/>
        <location filename="../../gui/dialogs/agreement.py" line="237"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="201"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="201"/>
        <source>exact F1</source>
        <translation>精确匹配 F1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="202"/>
        <source>overlap F1</source>
        <translation>重叠匹配 F1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="236"/>
        <source>%1 behind the count:</source>
        <translation>该计数背后的 %1 处：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="237"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="237"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>AnnotatorIdentity</name>
    <message>
        <location filename="../../gui/dialogs/annotator_identity.py" line="25"/>
        <source>Who is annotating?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/annotator_identity.py" line="26"/>
        <source>Your name (your spans are kept under it; asked only once):</source>
        <translation>您的名字（您的标注都记在这个名字下，只问这一次）：</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/annotate/commands.py" line="14"/>
        <source>tag “%1” as %2</source>
        <translation>将“%1”标注为 %2</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="15"/>
        <source>relabel “%1” as %2</source>
        <translation>将“%1”改标为 %2</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="16"/>
        <source>delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="17"/>
        <source>resize “%1”</source>
        <translation>调整“%1”的范围</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="18"/>
        <source>tag all “%1” (%2)</source>
        <translation>全部标注“%1”（%2 处）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="19"/>
        <source>mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="20"/>
        <source>set status</source>
        <translation>设置状态</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/common/crash_report.py" line="62"/>
        <source>biaozhu hit a bug</source>
        <translation>biaozhu 遇到了程序错误</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="70"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="73"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="85"/>
        <source>(it could not be saved to a file)</source>
        <translation>（无法保存到文件）</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="86"/>
        <source>Something went wrong inside biaozhu. Everything you did before this action is saved; this action may not have happened. The report was saved to %1: please send it to the developers. You can go on working.</source>
        <translation>biaozhu 内部出错了。此前的所有操作都已保存；这一步操作可能没有生效。错误报告已保存到 %1，请发给开发人员。您可以继续工作。</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../gui/review/decisions.py" line="45"/>
        <source>No disagreement chosen: press N for the next one.</source>
        <translation>还没有选中分歧：按 N 转到下一处。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="65"/>
        <source>There is no annotator %1 here.</source>
        <translation>这里没有第 %1 位标注员。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="69"/>
        <source>accept %1&apos;s version</source>
        <translation>采纳 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="80"/>
        <source>accept both versions</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="90"/>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="95"/>
        <source>set the boundary to “%1”</source>
        <translation>将边界改为“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="118"/>
        <source>Select the text the gold span should cover, then press Enter.</source>
        <translation>请选中金标准标注应覆盖的文字，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="122"/>
        <source>The selection covers no disagreement: press Ctrl with a label&apos;s key to put it into gold as that label (%1).</source>
        <translation>选中的文字不涉及任何分歧：按 Ctrl 加标签键即可将其作为该标签放入金标准（%1）。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="140"/>
        <source>put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="150"/>
        <source>reopen the review</source>
        <translation>重新打开审核</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="153"/>
        <source>mark adjudicated</source>
        <translation>标记为已裁定</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../../gui/review/model.py" line="111"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="111"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="111"/>
        <source>Versions</source>
        <translation>各方版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="111"/>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="131"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="131"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="130"/>
        <source>all</source>
        <translation>全体</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="227"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="233"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="233"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="233"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="234"/>
        <source>Show documents by your status</source>
        <translation>按您的标注进度筛选文档</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="81"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="81"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="82"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="82"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="106"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="106"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="106"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="106"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/dialogs/export.py" line="52"/>
        <source>Export — biaozhu 标注</source>
        <translation>导出 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="63"/>
        <source>Where to write the export</source>
        <translation>导出到哪里</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="64"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="76"/>
        <source>%v of %m documents</source>
        <translation>%v / %m 篇文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="82"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="85"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="89"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="113"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="147"/>
        <source>Preview of the first %1 documents (computing…)</source>
        <translation>前 %1 篇文档的预览（正在生成…）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="156"/>
        <location filename="../../gui/dialogs/export.py" line="162"/>
        <source>Preview of the first %1 documents</source>
        <translation>前 %1 篇文档的预览</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="157"/>
        <source>(nothing to export with these options)</source>
        <translation>（按这些选项没有可导出的内容）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="163"/>
        <source>This export would fail: %1</source>
        <translation>这样导出会失败：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="170"/>
        <source>Export into a folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="173"/>
        <source>Export to a file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="174"/>
        <source>%1 files (%2)</source>
        <translation>%1 文件 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="194"/>
        <source>Choose where to write the export first (Save to).</source>
        <translation>请先选择导出位置（保存到）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="197"/>
        <source>The train, dev and test fractions must add up to 1.</source>
        <translation>训练集、验证集和测试集的比例之和必须为 1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="203"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="209"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="227"/>
        <source>Exported %1 documents (%2 records), %3 spans to %4.</source>
        <translation>已导出 %1 篇文档（%2 条记录）、%3 个标注到 %4。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="230"/>
        <source>%1 nested spans were dropped: this format cannot hold them, the outer span was kept.</source>
        <translation>丢弃了 %1 个嵌套标注：这种格式无法容纳嵌套，已保留外层标注。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="233"/>
        <source>No nested span had to be dropped.</source>
        <translation>没有需要丢弃的嵌套标注。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="234"/>
        <source>%1: %2 documents</source>
        <translation>%1：%2 篇文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="244"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="246"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="252"/>
        <source>in %1, “%2” lies inside “%3”, and nested spans are refused. Choose “Keep the outer span” to drop the inner ones (they are counted), or another format.</source>
        <translation>在 %1 中，“%2”嵌套在“%3”之内，而当前设置拒绝嵌套标注。请选择“保留外层标注”以丢弃内层标注（会计数），或换一种格式。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="256"/>
        <source>a stored span disagrees with its document; run “biaozhu check” (%1)</source>
        <translation>有已保存的标注与其文档不一致；请运行“biaozhu check”（%1）</translation>
    </message>
</context>
<context>
    <name>ExportOptionsForm</name>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="57"/>
        <source>Every layer (a record per annotator)</source>
        <translation>所有标注层（每位标注员一条记录）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="58"/>
        <source>gold (adjudicated)</source>
        <translation>金标准（已裁定）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="59"/>
        <source>Majority vote of the annotators</source>
        <translation>标注员多数投票</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="63"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="64"/>
        <source>Done (marked done in this layer)</source>
        <translation>已完成（在该标注层中标记为完成）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="65"/>
        <source>Adjudicated (the gold layer is final)</source>
        <translation>已裁定（金标准已定稿）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="75"/>
        <source>A record per sentence (split on 。！？；and line breaks)</source>
        <translation>每句一条记录（按 。！？； 和换行切分）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="78"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="79"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="81"/>
        <source>Characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="82"/>
        <source>Words (jieba, cut at span boundaries)</source>
        <translation>词（结巴分词，在标注边界处切开）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="83"/>
        <source>Tag ids (the tag list is written beside the file)</source>
        <translation>标签编号（标签列表另存在文件旁）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="84"/>
        <source>Split by document into train, dev and test</source>
        <translation>按文档划分为训练集、验证集和测试集</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="93"/>
        <source>Keep them (formats that can hold nested spans)</source>
        <translation>保留（适用于能容纳嵌套标注的格式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="94"/>
        <source>Keep the outer span and count the dropped ones</source>
        <translation>保留外层标注，并统计丢弃的数量</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="95"/>
        <source>Refuse to export and name the first one</source>
        <translation>拒绝导出，并指出第一个嵌套标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="108"/>
        <source>doccano JSONL (label form)</source>
        <translation>doccano JSONL（label 形式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="109"/>
        <source>doccano JSONL (entities form)</source>
        <translation>doccano JSONL（entities 形式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="110"/>
        <source>spaCy / Prodigy span JSONL, with tokens</source>
        <translation>spaCy / Prodigy 片段 JSONL（含 tokens）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="111"/>
        <source>spaCy DocBin (.spacy, for spacy train)</source>
        <translation>spaCy DocBin（.spacy，用于 spacy train）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="112"/>
        <source>CoNLL: a token and its tag per line</source>
        <translation>CoNLL：每行一个词元及其标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="113"/>
        <source>Hugging Face token classification JSONL</source>
        <translation>Hugging Face 词元分类 JSONL</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="114"/>
        <source>brat standoff: .txt + .ann per document (a folder)</source>
        <translation>brat standoff：每篇文档一个 .txt 和 .ann（文件夹）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="115"/>
        <source>Label Studio JSON tasks</source>
        <translation>Label Studio JSON 任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="116"/>
        <source>CLUENER JSON (end offsets inclusive)</source>
        <translation>CLUENER JSON（结束位置包含在内）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="123"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="124"/>
        <source>Layer:</source>
        <translation>标注层：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="125"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="126"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="128"/>
        <source>Longest sentence:</source>
        <translation>最长句子：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="129"/>
        <source>Tags:</source>
        <translation>标签形式：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="130"/>
        <source>Tokens:</source>
        <translation>词元：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="132"/>
        <source>Nested spans:</source>
        <translation>嵌套标注：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="134"/>
        <source>Train, dev, test:</source>
        <translation>训练、验证、测试：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="135"/>
        <source>Seed of the split:</source>
        <translation>划分随机种子：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="42"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="45"/>
        <source>text in this document</source>
        <translation>在本文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="48"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="48"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="57"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>GoldEditing</name>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="56"/>
        <source>Take out of gold</source>
        <translation>从金标准中移除</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="86"/>
        <source>Put selection into gold as %1</source>
        <translation>作为 %1 放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="86"/>
        <source>Relabel gold span as %1</source>
        <translation>改标签为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="89"/>
        <source>Put selection into gold</source>
        <translation>放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="89"/>
        <source>Relabel gold span</source>
        <translation>改标签</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="39"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="125"/>
        <source>No gold span at the cursor: select text to put it into gold, or put the cursor on a gold span (a coloured background), and press Ctrl with the label&apos;s key.</source>
        <translation>光标处没有金标准标注：选中文字可将其放入金标准，或把光标放在金标准标注（有底色的文字）上，再按 Ctrl 加标签键。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="128"/>
        <source>That gold span is already %1.</source>
        <translation>这个金标准标注已经是 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="131"/>
        <source>relabel “%1” as %2</source>
        <translation>将“%1”改标为 %2</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="138"/>
        <source>“%1” would cross the gold span “%2”: gold spans may nest but not cross.</source>
        <translation>“%1”会与金标准标注“%2”交叉：金标准标注可以嵌套，不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="143"/>
        <source>put “%1” into gold as %2</source>
        <translation>将“%1”作为 %2 放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="153"/>
        <source>No gold span to take out: put the cursor on a gold span, or select one exactly, and press Ctrl+Delete.</source>
        <translation>没有可移除的金标准标注：请把光标放在金标准标注上，或恰好选中一个，再按 Ctrl+Delete。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="155"/>
        <source>The selection is not a gold span: select one exactly, or put the cursor on it, and press Ctrl+Delete.</source>
        <translation>选中的文字不是金标准标注：请恰好选中一个，或把光标放在它上面，再按 Ctrl+Delete。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="159"/>
        <source>take “%1” out of gold</source>
        <translation>将“%1”移出金标准</translation>
    </message>
</context>
<context>
    <name>GoldLayer</name>
    <message>
        <location filename="../../gui/review/commands.py" line="34"/>
        <source>Read-only: %1 is not a reviewer, so the gold layer cannot be changed here.</source>
        <translation>只读：%1 不是审核员，不能在这里修改金标准。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/annotate/window.py" line="95"/>
        <source>This project has no documents yet. Import reports with:
biaozhu --db PROJECT import FILES_OR_FOLDERS</source>
        <translation>这个项目还没有文档。用以下命令导入报告：
biaozhu --db PROJECT import FILES_OR_FOLDERS</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="113"/>
        <location filename="../../gui/annotate/window.py" line="142"/>
        <source>offset %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="128"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="129"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="139"/>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="194"/>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="216"/>
        <source>Every document is done.</source>
        <translation>所有文档都已完成。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="266"/>
        <source>Word snapping: off (W)</source>
        <translation>按词对齐：关（W）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="268"/>
        <source>Word snapping: loading jieba…</source>
        <translation>按词对齐：正在加载结巴分词词典…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="270"/>
        <source>Word snapping: on (W)</source>
        <translation>按词对齐：开（W）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="286"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="288"/>
        <source>%1 hits</source>
        <translation>找到 %1 处</translation>
    </message>
</context>
<context>
    <name>ProjectSearchDialog</name>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="116"/>
        <source>Find in all documents</source>
        <translation>在所有文档中查找</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="119"/>
        <source>Text to find in every document</source>
        <translation>要在所有文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="164"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="194"/>
        <source>Not found in any document</source>
        <translation>所有文档中都没有找到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/project_search.py" line="195"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/project_search.py" line="196"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="198"/>
        <source>%1 in %2 (the first %3 are shown: make the text longer to narrow the search)</source>
        <translation>在 %2中找到 %1（只显示前 %3 处：输入更长的文字可缩小范围）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="200"/>
        <source>%1 in %2</source>
        <translation>在 %2中找到 %1</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../gui/common/wording.py" line="36"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="36"/>
        <source>boundary</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="37"/>
        <source>label</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="37"/>
        <source>boundary + label</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="38"/>
        <source>one annotator only</source>
        <translation>仅一位标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="67"/>
        <source>all annotators</source>
        <translation>全体标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="68"/>
        <source>gold: %1 “%2” [%3, %4) from %5, decided by %6</source>
        <translation>金标准：%1“%2” [%3, %4)，来自 %5，由 %6 裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="77"/>
        <source>rejected by %1: none of the versions is gold</source>
        <translation>由 %1 驳回：各版本均不进入金标准</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../gui/review/actions.py" line="46"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="47"/>
        <source>Mark adjudicated and open the next</source>
        <translation>标记为已裁定并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="49"/>
        <source>Next document not adjudicated</source>
        <translation>下一篇未裁定的文档</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="52"/>
        <source>Close review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="55"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="55"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="57"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="58"/>
        <source>Next disagreement</source>
        <translation>下一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="60"/>
        <source>Previous disagreement</source>
        <translation>上一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="64"/>
        <source>Accept annotator %1&apos;s version</source>
        <translation>采纳第 %1 位标注员的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="69"/>
        <source>Accept both</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="70"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="71"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="72"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="73"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="74"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="76"/>
        <source>Selection becomes the gold span</source>
        <translation>以选中的文字作为金标准标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="82"/>
        <source>Put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="91"/>
        <source>Agreement…</source>
        <translation>标注一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="93"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="94"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="96"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
<context>
    <name>ReviewLegend</name>
    <message>
        <location filename="../../gui/review/legend.py" line="59"/>
        <source>Agreed spans into gold automatically</source>
        <translation>一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="62"/>
        <source>Spans every annotator has alike go into gold when a document opens</source>
        <translation>打开文档时，所有标注员都一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="74"/>
        <source>Lanes:</source>
        <translation>标注线：</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="82"/>
        <source>Lane %1 under each line; press %1 to accept %2&apos;s version</source>
        <translation>每行下方的第 %1 条线；按 %1 采纳 %2 的版本</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../gui/review/view.py" line="181"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/view.py" line="181"/>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/view.py" line="182"/>
        <source>disagreement %1: %2, %3</source>
        <translation>分歧 %1：%2，%3</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../gui/review/window.py" line="84"/>
        <source>Review — biaozhu 标注</source>
        <translation>审核 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="90"/>
        <source>%1 is not a reviewer: this is a read-only view. A reviewer can be named with `biaozhu annotators role NAME reviewer`.</source>
        <translation>%1 不是审核员：此视图只读。可用 `biaozhu annotators role NAME reviewer` 指定审核员。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="117"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="118"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="127"/>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="127"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="128"/>
        <source>Reviewer: %1 (%2)</source>
        <translation>审核员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="165"/>
        <source>%1 — review — biaozhu 标注</source>
        <translation>%1 — 审核 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="204"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="204"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="205"/>
        <source>%1 of %2 disagreements open · %3 gold spans · %4</source>
        <translation>%2 处分歧中 %1 处待裁定 · 金标准标注 %3 个 · %4</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="221"/>
        <source>This document has no disagreements.</source>
        <translation>本文档没有分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="230"/>
        <source>That was the last disagreement.</source>
        <translation>已是最后一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="231"/>
        <source>That was the first disagreement.</source>
        <translation>已是第一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="252"/>
        <source>Every disagreement is decided: Ctrl+Enter marks the document adjudicated.</source>
        <translation>所有分歧都已裁定：按 Ctrl+Enter 将文档标记为已裁定。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="262"/>
        <source>Marked adjudicated with %1 disagreements left open (Ctrl+Z takes it back).</source>
        <translation>已标记为已裁定，但还有 %1 处分歧待裁定（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="265"/>
        <source>Every document is adjudicated.</source>
        <translation>所有文档都已裁定。</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="79"/>
        <source>%1, characters %2 to %3</source>
        <translation>%1，第 %2 至 %3 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="86"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="86"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="86"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="86"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>SpanEditing</name>
    <message>
        <location filename="../../gui/annotate/editing.py" line="109"/>
        <source>Tag a long selection?</source>
        <translation>标注这么长的选区？</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="113"/>
        <source>The selection is %1 characters long. Tag all of it as one %2 span?</source>
        <translation>选区有 %1 个字符。要把它整个标注为一个%2吗？</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="118"/>
        <source>Not tagged: the selection was too long.</source>
        <translation>未标注：选区太长。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="62"/>
        <source>Select some text first (mouse or Shift+arrows), or click a span to relabel it.</source>
        <translation>请先选中文字（用鼠标或 Shift+方向键），或点击一个标注来更改它的标签。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="69"/>
        <source>Only spaces and punctuation are selected: nothing to tag.</source>
        <translation>选中的只有空格和标点，没有可标注的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="75"/>
        <source>Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not cross.</source>
        <translation>未执行：[%1, %2) 会与标注“%3” [%4, %5) 交叉；标注可以嵌套，但不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="80"/>
        <source>“%1” is tagged %2 already.</source>
        <translation>“%1”已经标注为 %2。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="96"/>
        <location filename="../../gui/annotate/editing.py" line="112"/>
        <source>Click a span (or press Tab) to select it first.</source>
        <translation>请先点击一个标注（或按 Tab）选中它。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="119"/>
        <source>Refused: the span would cross “%1”.</source>
        <translation>未执行：该标注会与“%1”交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="129"/>
        <source>Select a span first: its text is what gets tagged everywhere.</source>
        <translation>请先选中一个标注：与它相同的文字将在各处被标注。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="143"/>
        <source>Nothing to tag: %1 occurrences skipped (already tagged or crossing a span).</source>
        <translation>没有可标注的：跳过了 %1 处（已有标注，或会与标注交叉）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="148"/>
        <source>Tagged %1 occurrences; %2 skipped (already tagged or crossing a span).</source>
        <translation>已标注 %1 处；跳过 %2 处（已有标注，或会与标注交叉）。</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="119"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="119"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="119"/>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="119"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="121"/>
        <source>Offset in characters from the start of the document</source>
        <translation>从文档开头算起的字符位置（从 0 开始）</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <location filename="../../db/errors.py" line="27"/>
        <source>the project database stayed busy (locked by another program) too long; nothing was saved — try again</source>
        <translation>项目数据库被其他程序占用（锁定）太久；没有保存任何内容，请重试</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="42"/>
        <source>the project database is read-only (file, folder or disk); nothing was saved</source>
        <translation>项目数据库是只读的（文件、文件夹或磁盘）；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="44"/>
        <source>the project database is on a read-only disk; nothing was saved</source>
        <translation>项目数据库位于只读磁盘上；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="46"/>
        <source>the database server only allows reading here; nothing was saved</source>
        <translation>数据库服务器在这里只允许读取；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="48"/>
        <source>cannot open the project database file: check the folder exists and is writable</source>
        <translation>无法打开项目数据库文件：请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="29"/>
        <source>the disk is full: free some space; nothing was saved from this action</source>
        <translation>磁盘已满：请腾出空间；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="52"/>
        <source>the database server&apos;s disk is full; nothing was saved from this action</source>
        <translation>数据库服务器的磁盘已满；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="54"/>
        <source>the disk reported an I/O error; nothing was saved from this action</source>
        <translation>磁盘报告了读写错误；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="56"/>
        <source>this file is not a biaozhu project, or it is corrupt: restore it from a backup</source>
        <translation>这个文件不是 biaozhu 项目，或者已损坏：请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="58"/>
        <source>the project database is corrupt: restore it from a backup</source>
        <translation>项目数据库已损坏：请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="60"/>
        <source>cannot reach the database server (connection refused)</source>
        <translation>无法连接数据库服务器（连接被拒绝）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="62"/>
        <source>cannot reach the database server (unknown host)</source>
        <translation>无法连接数据库服务器（未知主机）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="64"/>
        <source>the database server closed the connection; nothing was saved — try again</source>
        <translation>数据库服务器关闭了连接；没有保存任何内容，请重试</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="66"/>
        <source>the database server refused the user name or password</source>
        <translation>数据库服务器拒绝了用户名或密码</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="68"/>
        <source>the database server wants a password: put it in the URL or in ~/.pgpass</source>
        <translation>数据库服务器需要密码：请写在 URL 或 ~/.pgpass 中</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="30"/>
        <source>someone else made the same change at the same moment; nothing was changed</source>
        <translation>有人在同一时刻做了相同的修改；没有做任何更改</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="32"/>
        <source>the database server says the database does not exist: create it first (createdb)</source>
        <translation>数据库服务器说该数据库不存在：请先创建它（createdb）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="34"/>
        <source>the project&apos;s data broke a foreign key while upgrading; nothing was changed</source>
        <translation>升级时项目数据违反了外键约束；没有做任何更改</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="28"/>
        <source>this project was saved by a newer biaozhu (schema %1); update biaozhu to open it</source>
        <translation>这个项目由更新版本的 biaozhu 保存（数据结构版本 %1）；请升级 biaozhu 后再打开</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="36"/>
        <source>biaozhu cannot open the project</source>
        <translation>biaozhu 无法打开这个项目</translation>
    </message>
</context>
<context>
    <name>StorageNotice</name>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="58"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="63"/>
        <source>This change was not made: %1</source>
        <translation>这项修改没有生效：%1</translation>
    </message>
</context>
<context>
    <name>TagAll</name>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="21"/>
        <source>Tag all occurrences</source>
        <translation>标注所有出现之处</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="23"/>
        <source>Tag “%1” as %2 wherever else it occurs?</source>
        <translation>把其他地方出现的“%1”也都标注为 %2 吗？</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="25"/>
        <source>This document: %1 to tag, %2 skipped.</source>
        <translation>本文档：将标注 %1 处，跳过 %2 处。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="26"/>
        <source>All documents: %1 to tag, %2 skipped.</source>
        <translation>所有文档：将标注 %1 处，跳过 %2 处。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="28"/>
        <source>Skipped occurrences are tagged already or would cross a span.</source>
        <translation>跳过的是已经标注过的，或会与已有标注交叉的出现之处。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="29"/>
        <source>This document (%1)</source>
        <translation>本文档（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="32"/>
        <source>All documents (%1)</source>
        <translation>所有文档（%1）</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="43"/>
        <source>Trash — biaozhu 标注</source>
        <translation>回收站 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="49"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="49"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="49"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="50"/>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="50"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="57"/>
        <source>Restore (Enter)</source>
        <translation>恢复（Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="60"/>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="63"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="72"/>
        <source>Deleted spans and documents stay here until the trash is emptied.</source>
        <translation>删除的标注和文档会保留在这里，直到清空回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="87"/>
        <source>span</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="87"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="114"/>
        <source>Select what to restore first.</source>
        <translation>请先选中要恢复的项目。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="127"/>
        <source>%1 restored.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="136"/>
        <source>Empty the trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="137"/>
        <source>Delete the %1 items in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 %1 项？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="145"/>
        <source>The trash is empty: %1 items deleted for good.</source>
        <translation>回收站已清空：永久删除了 %1 项。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/annotate/actions.py" line="43"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="44"/>
        <source>Mark done and open the next</source>
        <translation>标记为完成并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="46"/>
        <source>Next unfinished document</source>
        <translation>下一篇未完成的文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="48"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="50"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="52"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="53"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="53"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="55"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="56"/>
        <source>Find in all documents…</source>
        <translation>在所有文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="59"/>
        <source>Trash…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="61"/>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="64"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="69"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="70"/>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="71"/>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="72"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="73"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="74"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="75"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="76"/>
        <source>Word snapping</source>
        <translation>按词对齐</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="77"/>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="82"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有相同文字…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="85"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="86"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="88"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="90"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="91"/>
        <source>Review mode</source>
        <translation>审核模式</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="92"/>
        <source>Agreement…</source>
        <translation>标注一致性…</translation>
    </message>
</context>
</TS>
