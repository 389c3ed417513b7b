<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="97"/>
        <source>Agreement — biaozhu 标注</source>
        <translation>标注一致性 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="108"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="112"/>
        <source>Pair:</source>
        <translation>标注员对：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="118"/>
        <source>Pairs</source>
        <translation>两两对比</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="118"/>
        <source>Per label</source>
        <translation>按标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="119"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="119"/>
        <source>Confusion</source>
        <translation>标签混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="120"/>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="124"/>
        <source>Click a count to list the disagreements behind it.</source>
        <translation>点击一个计数，列出它背后的分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="162"/>
        <source>%1 documents annotated · annotators: %2 · labels: %3 · Krippendorff&apos;s alpha (all annotators, characters): %4 over %5 documents, %6 characters</source>
        <translation>已标注文档 %1 篇 · 标注员：%2 · 标签：%3 · Krippendorff α（全体标注员，按字符）：%4，基于 %5 篇文档、%6 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="166"/>
        <source>A (reference)</source>
        <translation>A（参照）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="166"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="166"/>
        <location filename="../../gui/dialogs/agreement.py" line="207"/>
        <source>exact P</source>
        <translation>精确匹配 P</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="167"/>
        <location filename="../../gui/dialogs/agreement.py" line="207"/>
        <source>overlap P</source>
        <translation>重叠匹配 P</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="167"/>
        <source>relation F1</source>
        <translation>关系 F1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="185"/>
        <source>only %1</source>
        <translation>仅 %1 有</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="201"/>
        <source>Relation type</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="201"/>
        <location filename="../../gui/dialogs/agreement.py" line="202"/>
        <source>relations %1</source>
        <translation>%1 的关系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="207"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="208"/>
        <source>spans %1</source>
        <translation>%1 的标注数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="204"/>
        <location filename="../../gui/dialogs/agreement.py" line="212"/>
        <location filename="../../gui/dialogs/agreement.py" line="226"/>
        <source>all</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="225"/>
        <location filename="../../gui/dialogs/agreement.py" line="262"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="225"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="225"/>
        <source>exact F1</source>
        <translation>精确匹配 F1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="226"/>
        <source>overlap F1</source>
        <translation>重叠匹配 F1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="261"/>
        <source>%1 behind the count:</source>
        <translation>该计数背后的 %1 处：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="262"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/agreement.py" line="262"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>AnnotateComments</name>
    <message>
        <location filename="../../gui/annotate/comments.py" line="36"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="45"/>
        <source>Comment on the span…</source>
        <translation>评论这个标注…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="47"/>
        <source>Comment on a link of the span…</source>
        <translation>评论这个标注的一条关联…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="49"/>
        <source>Comment on the document…</source>
        <translation>评论这个文档…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="51"/>
        <source>Comments panel</source>
        <translation>评论面板</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="61"/>
        <source>Select a span to comment on it (Ctrl+Shift+C comments on the document).</source>
        <translation>请先选中一个标注再评论（Ctrl+Shift+C 评论整个文档）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/comments.py" line="73"/>
        <source>Select a linked span (its links show as arrows) to comment on a link.</source>
        <translation>请先选中一个有关联的标注（关联显示为箭头），再评论其中一条关联。</translation>
    </message>
</context>
<context>
    <name>AnnotatorIdentity</name>
    <message>
        <location filename="../../gui/dialogs/annotator_identity.py" line="30"/>
        <source>Who is annotating?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/annotator_identity.py" line="31"/>
        <source>Your name (your spans are kept under it; asked only once):</source>
        <translation>您的名字（您的标注都记在这个名字下，只问这一次）：</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="34"/>
        <source>Audit log — biaozhu 标注</source>
        <translation>操作记录 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="36"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="36"/>
        <source>delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="37"/>
        <source>trash emptied</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="37"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="38"/>
        <source>role change</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="38"/>
        <source>gold decision</source>
        <translation>金标准裁定</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="42"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="42"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="42"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="42"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="48"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="51"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/audit_log.py" line="79"/>
        <source>%1 entries, newest first.</source>
        <translation>共 %1 条，最新的在前。</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../gui/widgets/charts.py" line="101"/>
        <source>nothing yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/annotate/commands.py" line="18"/>
        <source>set the value of “%1”</source>
        <translation>设置“%1”的数值</translation>
    </message>
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
        <location filename="../../gui/annotate/commands.py" line="19"/>
        <source>tag all “%1” (%2)</source>
        <translation>全部标注“%1”（%2 处）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="20"/>
        <source>mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/commands.py" line="21"/>
        <source>set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_commands.py" line="20"/>
        <source>accept suggestion “%1” as %2</source>
        <translation>将建议“%1”采纳为 %2</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_commands.py" line="21"/>
        <source>reject suggestion “%1”</source>
        <translation>拒绝建议“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_commands.py" line="22"/>
        <source>accept %1 suggestions</source>
        <translation>采纳 %1 条建议</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="69"/>
        <source>pin “%1” as a good example</source>
        <translation>将“%1”固定为正例</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="70"/>
        <source>pin “%1” as a bad example</source>
        <translation>将“%1”固定为反例</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="71"/>
        <source>unpin “%1”</source>
        <translation>取消固定“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/relation_commands.py" line="13"/>
        <source>link “%1” → “%2” (%3)</source>
        <translation>关联“%1”→“%2”（%3）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/relation_commands.py" line="14"/>
        <source>unlink “%1” → “%2” (%3)</source>
        <translation>取消关联“%1”→“%2”（%3）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comment_commands.py" line="18"/>
        <source>comment “%1”</source>
        <translation>评论“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comment_commands.py" line="19"/>
        <source>resolve a comment thread</source>
        <translation>解决一个评论线程</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comment_commands.py" line="20"/>
        <source>reopen a comment thread</source>
        <translation>重新打开一个评论线程</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comment_commands.py" line="21"/>
        <source>delete comment “%1”</source>
        <translation>删除评论“%1”</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="54"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="54"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="56"/>
        <source>Unresolved only</source>
        <translation>只看未解决</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="61"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="61"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="61"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="69"/>
        <location filename="../../gui/dialogs/comments.py" line="197"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="70"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="71"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="79"/>
        <source>Post (Ctrl+Enter)</source>
        <translation>发表（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="161"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="166"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="166"/>
        <source>open</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="196"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="209"/>
        <location filename="../../gui/dialogs/comments.py" line="217"/>
        <source>New comment on the document:</source>
        <translation>新评论，针对本文档：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="211"/>
        <source>Reply to: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="213"/>
        <source>New comment on “%1”:</source>
        <translation>新评论，针对“%1”：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/comments.py" line="215"/>
        <source>New comment on the link %1:</source>
        <translation>新评论，针对关联 %1：</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../gui/common/crash_report.py" line="65"/>
        <source>biaozhu hit a bug</source>
        <translation>biaozhu 遇到了程序错误</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="73"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="76"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="88"/>
        <source>(it could not be saved to a file)</source>
        <translation>（无法保存到文件）</translation>
    </message>
    <message>
        <location filename="../../gui/common/crash_report.py" line="89"/>
        <source>Something went wrong inside biaozhu. Everything you did before this action is saved; this action may not have happened. The report was saved to %1: please send it to the developers. You can go on working.</source>
        <translation>biaozhu 内部出错了。此前的所有操作都已保存；这一步操作可能没有生效。错误报告已保存到 %1，请发给开发人员。您可以继续工作。</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../gui/review/decisions.py" line="46"/>
        <source>No disagreement chosen: press N for the next one.</source>
        <translation>还没有选中分歧：按 N 转到下一处。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="66"/>
        <source>There is no annotator %1 here.</source>
        <translation>这里没有第 %1 位标注员。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="70"/>
        <source>accept %1&apos;s version</source>
        <translation>采纳 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="86"/>
        <source>accept both versions</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="96"/>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="101"/>
        <source>set the boundary to “%1”</source>
        <translation>将边界改为“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="124"/>
        <source>Select the text the gold span should cover, then press Enter.</source>
        <translation>请选中金标准标注应覆盖的文字，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="128"/>
        <source>The selection covers no disagreement: press Ctrl with a label&apos;s key to put it into gold as that label (%1).</source>
        <translation>选中的文字不涉及任何分歧：按 Ctrl 加标签键即可将其作为该标签放入金标准（%1）。</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="146"/>
        <source>put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="156"/>
        <source>reopen the review</source>
        <translation>重新打开审核</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="159"/>
        <source>mark adjudicated</source>
        <translation>标记为已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/decisions.py" line="82"/>
        <source>B takes versions of different ranges; here they differ only in label, and gold holds a range once: press an annotator&apos;s number to choose a label, or X to reject.</source>
        <translation>B 用于采纳范围不同的版本；这里各版本只有标签不同，而金标准中同一范围只能出现一次：请按标注员编号选定一个标签，或按 X 驳回。</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../../gui/review/model.py" line="144"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="144"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="144"/>
        <source>Versions</source>
        <translation>各方版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="144"/>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="164"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="164"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="163"/>
        <source>all</source>
        <translation>全体</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="32"/>
        <source>Rename document…</source>
        <translation>重命名文档…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="34"/>
        <source>Delete document…</source>
        <translation>删除文档…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="46"/>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="46"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="64"/>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="65"/>
        <source>Move %1 and its %2 spans (every annotator&apos;s) to the trash? Edit → Trash… brings it back.</source>
        <translation>把 %1 及其 %2 个标注（所有标注员的）移到回收站？在“编辑 → 回收站…”中可以恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/document_actions.py" line="81"/>
        <source>%1 moved to the trash.</source>
        <translation>%1 已移到回收站。</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="54"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="62"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="62"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="62"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_list.py" line="63"/>
        <source>Show documents by your status</source>
        <translation>按您的标注进度筛选文档</translation>
    </message>
</context>
<context>
    <name>DocumentPlaces</name>
    <message>
        <location filename="../../gui/annotate/places.py" line="95"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/places.py" line="88"/>
        <source>Span table: only the chosen section</source>
        <translation>标注表只列出所选章节</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/places.py" line="148"/>
        <source>page %1</source>
        <translation>第 %1 页</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="99"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="99"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="100"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="100"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="121"/>
        <source>How unsure the suggestions&apos; model is of this document (0 sure … 1): sorted by this, Ctrl+N opens the most unsure unfinished document first</source>
        <translation>建议模型对本文档的不确定度（0 确定 … 1）：按此列排序时，Ctrl+N 先打开最不确定的未完成文档</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="134"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="134"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="134"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/document_table.py" line="135"/>
        <source>Unsure</source>
        <translation>不确定度</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/dialogs/export.py" line="53"/>
        <source>Export — biaozhu 标注</source>
        <translation>导出 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="64"/>
        <source>Where to write the export</source>
        <translation>导出到哪里</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="65"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="77"/>
        <source>%v of %m documents</source>
        <translation>%v / %m 篇文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="83"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="86"/>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="90"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="114"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="148"/>
        <source>Preview of the first %1 documents (computing…)</source>
        <translation>前 %1 篇文档的预览（正在生成…）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="157"/>
        <location filename="../../gui/dialogs/export.py" line="163"/>
        <source>Preview of the first %1 documents</source>
        <translation>前 %1 篇文档的预览</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="158"/>
        <source>(nothing to export with these options)</source>
        <translation>（按这些选项没有可导出的内容）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="164"/>
        <source>This export would fail: %1</source>
        <translation>这样导出会失败：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="171"/>
        <source>Export into a folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="174"/>
        <source>Export to a file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="175"/>
        <source>%1 files (%2)</source>
        <translation>%1 文件 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="195"/>
        <source>Choose where to write the export first (Save to).</source>
        <translation>请先选择导出位置（保存到）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="198"/>
        <source>The train, dev and test fractions must add up to 1.</source>
        <translation>训练集、验证集和测试集的比例之和必须为 1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="204"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="210"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="228"/>
        <source>Exported %1 documents (%2 records), %3 spans to %4.</source>
        <translation>已导出 %1 篇文档（%2 条记录）、%3 个标注到 %4。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="231"/>
        <source>%1 nested spans were dropped: this format cannot hold them, the outer span was kept.</source>
        <translation>丢弃了 %1 个嵌套标注：这种格式无法容纳嵌套，已保留外层标注。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="234"/>
        <source>No nested span had to be dropped.</source>
        <translation>没有需要丢弃的嵌套标注。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="236"/>
        <source>%1 relations written, %2 left out (the format cannot hold relations, a sentence cuts them, or one of their spans was not exported).</source>
        <translation>已写出 %1 个关系，%2 个未导出（此格式不能保存关系、关系跨句，或其一端的片段未导出）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="240"/>
        <source>%1 relations written.</source>
        <translation>已写出 %1 个关系。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="244"/>
        <source>%1: %2 documents</source>
        <translation>%1：%2 篇文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="254"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>导出已取消：没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="256"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="262"/>
        <source>in %1, “%2” lies inside “%3”, and nested spans are refused. Choose “Keep the outer span” to drop the inner ones (they are counted), or another format.</source>
        <translation>在 %1 中，“%2”嵌套在“%3”之内，而当前设置拒绝嵌套标注。请选择“保留外层标注”以丢弃内层标注（会计数），或换一种格式。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="266"/>
        <source>a stored span disagrees with its document; run “biaozhu check” (%1)</source>
        <translation>有已保存的标注与其文档不一致；请运行“biaozhu check”（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export.py" line="242"/>
        <source>%1 documents have no reviewer&apos;s decision yet and were left out of gold.</source>
        <translation>%1 篇文档尚无审核员的裁定，未计入金标准导出。</translation>
    </message>
</context>
<context>
    <name>ExportOptionsForm</name>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="56"/>
        <source>Every layer (a record per annotator)</source>
        <translation>所有标注层（每位标注员一条记录）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="57"/>
        <source>gold (adjudicated)</source>
        <translation>金标准（已裁定）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="58"/>
        <source>Majority vote of the annotators</source>
        <translation>标注员多数投票</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="62"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="63"/>
        <source>Done (marked done in this layer)</source>
        <translation>已完成（在该标注层中标记为完成）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="64"/>
        <source>Adjudicated (the gold layer is final)</source>
        <translation>已裁定（金标准已定稿）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="74"/>
        <source>A record per sentence (split on 。！？；and line breaks)</source>
        <translation>每句一条记录（按 。！？； 和换行切分）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="77"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="78"/>
        <source> characters</source>
        <translation> 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="80"/>
        <source>Characters</source>
        <translation>单字</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="81"/>
        <source>Words (jieba, cut at span boundaries)</source>
        <translation>词（结巴分词，在标注边界处切开）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="82"/>
        <source>Tag ids (the tag list is written beside the file)</source>
        <translation>标签编号（标签列表另存在文件旁）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="85"/>
        <source>Split by document into train, dev and test</source>
        <translation>按文档划分为训练集、验证集和测试集</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="94"/>
        <source>Keep them (formats that can hold nested spans)</source>
        <translation>保留（适用于能容纳嵌套标注的格式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="95"/>
        <source>Keep the outer span and count the dropped ones</source>
        <translation>保留外层标注，并统计丢弃的数量</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="96"/>
        <source>Refuse to export and name the first one</source>
        <translation>拒绝导出，并指出第一个嵌套标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="110"/>
        <source>doccano JSONL (label form)</source>
        <translation>doccano JSONL（label 形式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="111"/>
        <source>doccano JSONL (entities form)</source>
        <translation>doccano JSONL（entities 形式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="112"/>
        <source>spaCy / Prodigy span JSONL, with tokens</source>
        <translation>spaCy / Prodigy 片段 JSONL（含 tokens）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="113"/>
        <source>spaCy DocBin (.spacy, for spacy train)</source>
        <translation>spaCy DocBin（.spacy，用于 spacy train）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="114"/>
        <source>CoNLL: a token and its tag per line</source>
        <translation>CoNLL：每行一个词元及其标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="115"/>
        <source>Hugging Face token classification JSONL</source>
        <translation>Hugging Face 词元分类 JSONL</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="116"/>
        <source>brat standoff: .txt + .ann per document (a folder)</source>
        <translation>brat standoff：每篇文档一个 .txt 和 .ann（文件夹）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="117"/>
        <source>Label Studio JSON tasks</source>
        <translation>Label Studio JSON 任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="118"/>
        <source>CLUENER JSON (end offsets inclusive)</source>
        <translation>CLUENER JSON（结束位置包含在内）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="125"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="126"/>
        <source>Layer:</source>
        <translation>标注层：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="127"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="128"/>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="130"/>
        <source>Longest sentence:</source>
        <translation>最长句子：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="131"/>
        <source>Tags:</source>
        <translation>标签形式：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="132"/>
        <source>Tokens:</source>
        <translation>词元：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="135"/>
        <source>Nested spans:</source>
        <translation>嵌套标注：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="137"/>
        <source>Train, dev, test:</source>
        <translation>训练、验证、测试：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="138"/>
        <source>Seed of the split:</source>
        <translation>划分随机种子：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_options.py" line="83"/>
        <source>Keep the exact text in # comments (biaozhu reads it back whole; doccano cannot read it)</source>
        <translation>在 # 注释中保留原文（biaozhu 可完整读回；doccano 无法读取）</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="51"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="52"/>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="53"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="54"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="58"/>
        <source>Connect to a team server…</source>
        <translation>连接团队服务器…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="60"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="61"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="62"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="76"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="77"/>
        <source>biaozhu projects (%1)</source>
        <translation>biaozhu 项目 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="87"/>
        <source>%1 already exists: open it with File ▸ Open project…, or choose another name.</source>
        <translation>%1 已存在：请用“文件 ▸ 打开项目…”打开它，或换一个名称。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="93"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="94"/>
        <source>biaozhu projects (%1);;All files (*)</source>
        <translation>biaozhu 项目 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="103"/>
        <source>There is no project at %1 (the file was moved or deleted).</source>
        <translation>%1 处没有项目（文件已被移动或删除）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="122"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="125"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="139"/>
        <source>Import reports and annotations</source>
        <translation>导入报告和标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="141"/>
        <source>Reports and annotations (%1);;All files (*)</source>
        <translation>报告和标注 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/file_menu.py" line="148"/>
        <source>Import every report in a folder</source>
        <translation>导入文件夹中的所有报告</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="49"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="52"/>
        <source>text in this document</source>
        <translation>在本文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="55"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="55"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="65"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="93"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/find_bar.py" line="95"/>
        <source>%1 hits</source>
        <translation>找到 %1 处</translation>
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
        <location filename="../../gui/review/gold_edits.py" line="102"/>
        <source>Put selection into gold as %1</source>
        <translation>作为 %1 放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="102"/>
        <source>Relabel gold span as %1</source>
        <translation>改标签为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="105"/>
        <source>Put selection into gold</source>
        <translation>放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="105"/>
        <source>Relabel gold span</source>
        <translation>改标签</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="40"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="143"/>
        <source>No gold span at the cursor: select text to put it into gold, or put the cursor on a gold span (a coloured background), and press Ctrl with the label&apos;s key.</source>
        <translation>光标处没有金标准标注：选中文字可将其放入金标准，或把光标放在金标准标注（有底色的文字）上，再按 Ctrl 加标签键。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="146"/>
        <source>That gold span is already %1.</source>
        <translation>这个金标准标注已经是 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="149"/>
        <source>relabel “%1” as %2</source>
        <translation>将“%1”改标为 %2</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="156"/>
        <source>“%1” would cross the gold span “%2”: gold spans may nest but not cross.</source>
        <translation>“%1”会与金标准标注“%2”交叉：金标准标注可以嵌套，不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="161"/>
        <source>put “%1” into gold as %2</source>
        <translation>将“%1”作为 %2 放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="171"/>
        <source>No gold span to take out: put the cursor on a gold span, or select one exactly, and press Ctrl+Delete.</source>
        <translation>没有可移除的金标准标注：请把光标放在金标准标注上，或恰好选中一个，再按 Ctrl+Delete。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="173"/>
        <source>The selection is not a gold span: select one exactly, or put the cursor on it, and press Ctrl+Delete.</source>
        <translation>选中的文字不是金标准标注：请恰好选中一个，或把光标放在它上面，再按 Ctrl+Delete。</translation>
    </message>
    <message>
        <location filename="../../gui/review/gold_edits.py" line="177"/>
        <source>take “%1” out of gold</source>
        <translation>将“%1”移出金标准</translation>
    </message>
</context>
<context>
    <name>GoldLayer</name>
    <message>
        <location filename="../../gui/review/commands.py" line="43"/>
        <source>Read-only: %1 is not a reviewer, so the gold layer cannot be changed here.</source>
        <translation>只读：%1 不是审核员，不能在这里修改金标准。</translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="26"/>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="31"/>
        <source>G&amp;uide</source>
        <translation>指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="32"/>
        <source>Guide for this label</source>
        <translation>本标签的标注指南</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="34"/>
        <source>Pin as a good example</source>
        <translation>固定为正例</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="36"/>
        <source>Pin as a bad example</source>
        <translation>固定为反例</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="38"/>
        <source>Edit the project guideline…</source>
        <translation>编辑项目总体规范…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/guidance.py" line="54"/>
        <source>Select a span to pin it as an example.</source>
        <translation>请先选中一个标注，再把它固定为示例。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="110"/>
        <source>Unpinned.</source>
        <translation>已取消固定。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="111"/>
        <source>Pinned: the guide shows it under its label (F1).</source>
        <translation>已固定：指南在其标签下显示它（F1）。</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="198"/>
        <source>Edit the project guideline…</source>
        <translation>编辑项目总体规范…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="241"/>
        <source>✓ good</source>
        <translation>✓ 正例</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="241"/>
        <source>✗ bad</source>
        <translation>✗ 反例</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="242"/>
        <source>Project guideline</source>
        <translation>项目总体规范</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="243"/>
        <source>No general guideline yet: Edit the project guideline… writes one (Markdown).</source>
        <translation>还没有总体规范：点“编辑项目总体规范…”来写（Markdown）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="249"/>
        <source>No guideline for this label yet: Labels… (Ctrl+L) writes one.</source>
        <translation>这个标签还没有规范：在“标签…”（Ctrl+L）中编写。</translation>
    </message>
</context>
<context>
    <name>GuidelineEditor</name>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="277"/>
        <source>Project guideline — biaozhu 标注</source>
        <translation>项目总体规范 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/guide.py" line="282"/>
        <source>What every annotator should know: scope, rules, hard cases (Markdown: # headings, - lists, **bold**)</source>
        <translation>每位标注员都应了解的内容：范围、规则、疑难情况（Markdown：# 标题、- 列表、**加粗**）</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="85"/>
        <source>Import — biaozhu 标注</source>
        <translation>导入 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="95"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="95"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="95"/>
        <source>What happened</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="102"/>
        <source>Add the labels the project lacks</source>
        <translation>添加项目中没有的标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="104"/>
        <source>as each file says</source>
        <translation>按文件中所写</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="105"/>
        <source>Import the failed files again</source>
        <translation>重新导入失败的文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="107"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="109"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="125"/>
        <source>Whose spans the files hold:</source>
        <translation>文件中的标注属于：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="150"/>
        <source>Nothing to import: no file biaozhu reads was chosen.</source>
        <translation>没有可导入的内容：所选文件中没有 biaozhu 能读取的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="162"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="172"/>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>正在导入 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="184"/>
        <source>relation type %1</source>
        <translation>关系类型 %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="187"/>
        <source>labels the project does not have: %1 (tick “Add the labels the project lacks” below and import again)</source>
        <translation>项目中没有这些标签：%1（勾选下方的“添加项目中没有的标签”后重新导入）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="190"/>
        <source>%1 — nothing imported from this file</source>
        <translation>%1 — 此文件未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="195"/>
        <source>note: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="206"/>
        <source>%1 documents</source>
        <translation>%1 个文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="208"/>
        <source> (%1 already in the project)</source>
        <translation>（%1 个已在项目中）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="210"/>
        <source>, %1 spans</source>
        <translation>，%1 个标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="212"/>
        <location filename="../../gui/dialogs/importing.py" line="216"/>
        <source> (%1 already there)</source>
        <translation>（%1 个已存在）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="214"/>
        <source>, %1 relations</source>
        <translation>，%1 个关系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="218"/>
        <source>; new labels: %1</source>
        <translation>；新标签：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="220"/>
        <source>; new relation types: %1</source>
        <translation>；新关系类型：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="235"/>
        <source>%1 files imported, %2 failed.</source>
        <translation>已导入 %1 个文件，%2 个失败。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="240"/>
        <source>Import cancelled: %1 files imported before it; nothing of %2 was stored, and the files after it were not read.</source>
        <translation>导入已取消：此前已导入 %1 个文件；%2 未保存任何内容，之后的文件未读取。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="243"/>
        <source>Import stopped: %1 (%2 files were imported before).</source>
        <translation>导入中止：%1（此前已导入 %2 个文件）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/importing.py" line="286"/>
        <source>… and %1 more</source>
        <translation>… 还有 %1 个</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../gui/dialogs/keys_help.py" line="58"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/keys_help.py" line="62"/>
        <source>Search actions and keys</source>
        <translation>搜索操作或按键</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/keys_help.py" line="66"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/keys_help.py" line="66"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/keys_help.py" line="66"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <location filename="../../gui/widgets/label_bar.py" line="32"/>
        <source>… (F1: the whole guide)</source>
        <translation>…（F1：查看完整指南）</translation>
    </message>
</context>
<context>
    <name>LabelDefinitions</name>
    <message>
        <location filename="../../gui/common/label_infos.py" line="20"/>
        <source>A named programme, campaign, initiative or plan: “酒城同心·金融速贷”, “万企兴万村”行动</source>
        <translation>有名称的项目、活动、倡议或计划：“酒城同心·金融速贷”、“万企兴万村”行动</translation>
    </message>
    <message>
        <location filename="../../gui/common/label_infos.py" line="21"/>
        <source>A quantity with its unit: 377.178亿元, 7306人次, 1007户</source>
        <translation>带单位的数量：377.178亿元、7306人次、1007户</translation>
    </message>
    <message>
        <location filename="../../gui/common/label_infos.py" line="22"/>
        <source>An organisation, body or company: 泸州市委统战部, 泸州银行, 市工商联</source>
        <translation>组织、机关或企业：泸州市委统战部、泸州银行、市工商联</translation>
    </message>
</context>
<context>
    <name>LabelRefused</name>
    <message>
        <location filename="../../db/labels.py" line="38"/>
        <source>hotkey %1 is taken by editing a value</source>
        <translation>快捷键 %1 已用于编辑数值</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="32"/>
        <source>there is no label %1</source>
        <translation>没有标签 %1</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="33"/>
        <source>a label name is 1 to 64 characters without spaces, not %1</source>
        <translation>标签名称须为 1 到 64 个字符且不含空格，%1 不行</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="34"/>
        <source>there is a label %1 already</source>
        <translation>已经有标签 %1 了</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="35"/>
        <source>a hotkey is one letter or digit, or F1 to F12, not %1</source>
        <translation>快捷键须为一个字母或数字，或 F1 到 F12，%1 不行</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="36"/>
        <source>hotkey %1 is taken by %2</source>
        <translation>快捷键 %1 已被 %2 使用</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="37"/>
        <source>hotkey %1 is taken by word snapping</source>
        <translation>快捷键 %1 已用于按词对齐</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="39"/>
        <source>hotkey %1 is taken by comments</source>
        <translation>快捷键 %1 已用于评论</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="40"/>
        <source>hotkey %1 is taken by linking spans</source>
        <translation>快捷键 %1 已用于关联标注</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="41"/>
        <source>hotkey %1 is taken by the suggestions (N, P, S, X)</source>
        <translation>快捷键 %1 已被建议功能占用（N、P、S、X）</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="42"/>
        <source>colour must look like #1f77b4, not %1</source>
        <translation>颜色须形如 #1f77b4，%1 不行</translation>
    </message>
    <message>
        <location filename="../../db/labels.py" line="43"/>
        <source>a project holds at most %1 labels: it has %2, and %3 more were asked for</source>
        <translation>一个项目最多有 %1 个标签：已有 %2 个，又要添加 %3 个</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="46"/>
        <source>Labels — biaozhu 标注</source>
        <translation>标签 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="53"/>
        <source>a letter or digit, F1–F12</source>
        <translation>一个字母或数字，或 F1–F12</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="59"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="60"/>
        <source>Hotkey:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="57"/>
        <source>The label&apos;s guideline in Markdown: what it is for, do and don&apos;t, examples (shown on hover and in the guide, F1)</source>
        <translation>标签的标注规范（Markdown）：标什么、该标与不该标、示例（鼠标悬停时和指南中显示，F1）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="61"/>
        <source>Guideline:</source>
        <translation>规范：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="62"/>
        <source>New label</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="63"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="65"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="67"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="69"/>
        <source>Project guideline…</source>
        <translation>项目总体规范…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="97"/>
        <source>Label colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="104"/>
        <source>A new label: fill in its name and press Save.</source>
        <translation>新标签：填写名称后按“保存”。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="116"/>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="120"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="145"/>
        <source>Delete label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="146"/>
        <source>Delete the label %1? Its %2 spans (every annotator&apos;s, and gold) go to the trash with it; Edit → Trash… brings the label and its spans back.</source>
        <translation>删除标签 %1？它的 %2 个标注（所有标注员的，以及金标准）会一起移到回收站；在“编辑 → 回收站…”中可以恢复标签及其标注。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/labels.py" line="154"/>
        <source>%1 and %2 spans moved to the trash.</source>
        <translation>%1 及其 %2 个标注已移到回收站。</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <location filename="../../gui/annotate/linking.py" line="116"/>
        <source>Not relabelled: “%1” is linked as %2, which a %3 span cannot be; unlink it first (R, then its digit).</source>
        <translation>未改标签：“%1”以%2关联，%3 标注不能如此关联；请先取消关联（按 R，再按它的数字）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="171"/>
        <location filename="../../gui/annotate/linking.py" line="189"/>
        <source>Select a span first (click it or press Tab), then press R to link it.</source>
        <translation>请先选中一个标注（点击它或按 Tab），再按 R 关联它。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="176"/>
        <location filename="../../gui/annotate/linking.py" line="198"/>
        <source>No span in this document can be linked to “%1”: no relation type joins their labels.</source>
        <translation>本文档中没有可与“%1”关联的标注：没有关系类型连接它们的标签。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="181"/>
        <source>Link “%1”: press the digit on the other span (1–%2; a blue digit unlinks), Esc to cancel.</source>
        <translation>关联“%1”：按另一个标注上的数字（1–%2；蓝色数字表示取消关联），按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="211"/>
        <source>Linking cancelled.</source>
        <translation>已取消关联。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="222"/>
        <source>“%1”: %2 — press a digit, Esc to cancel.</source>
        <translation>“%1”：%2 — 按数字选择，按 Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/linking.py" line="227"/>
        <source>unlink %1</source>
        <translation>取消%1</translation>
    </message>
</context>
<context>
    <name>ListEditorDialog</name>
    <message>
        <location filename="../../gui/dialogs/list_editor.py" line="59"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/list_editor.py" line="60"/>
        <source>Title:</source>
        <translation>中文名：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/list_editor.py" line="65"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/annotate/window.py" line="168"/>
        <source>This project has no documents yet. Import reports with File ▸ Import… (Ctrl+I), or drop files or folders here.</source>
        <translation>此项目还没有文档。请用“文件 ▸ 导入…”（Ctrl+I）导入报告，或把文件或文件夹拖到这里。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="206"/>
        <location filename="../../gui/annotate/window.py" line="221"/>
        <source>offset %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="215"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="216"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="218"/>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="122"/>
        <source>Read-only project: you can read and export it; edits are refused</source>
        <translation>只读项目：可以阅读和导出，不能修改</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="237"/>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window_lists.py" line="167"/>
        <source>Every document is done.</source>
        <translation>所有文档都已完成。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="401"/>
        <source>Word snapping: off (W)</source>
        <translation>按词对齐：关（W）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="403"/>
        <source>Word snapping: loading jieba…</source>
        <translation>按词对齐：正在加载结巴分词词典…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/window.py" line="405"/>
        <source>Word snapping: on (W)</source>
        <translation>按词对齐：开（W）</translation>
    </message>
</context>
<context>
    <name>MetricValue</name>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="42"/>
        <source>Value of the span</source>
        <translation>标注的数值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="43"/>
        <source>“%1”: the value with its magnitude folded in (377.178亿元 → 37717800000).</source>
        <translation>“%1”：数值已折算数量级（377.178亿元 → 37717800000）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="49"/>
        <source>only for a range</source>
        <translation>仅用于范围</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="62"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="63"/>
        <source>Maximum</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="64"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/metric_value.py" line="65"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
</context>
<context>
    <name>ModelTrainer</name>
    <message>
        <location filename="../../gui/annotate/model_training.py" line="84"/>
        <source>Training the suggestions&apos; model in the background…</source>
        <translation>正在后台训练建议模型…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/model_training.py" line="104"/>
        <source>The suggestions&apos; model was not trained: %1</source>
        <translation>建议模型未训练：%1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/model_training.py" line="108"/>
        <source>The suggestions&apos; model learned %1 spans: Suggest uses it.</source>
        <translation>建议模型已学习 %1 个标注：计算建议时使用它。</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../operations/preview.py" line="39"/>
        <source>…({count} more characters)…</source>
        <translation>…（省略 {count} 个字符）…</translation>
    </message>
    <message>
        <location filename="../../operations/preview.py" line="40"/>
        <source>Doc {name} ({annotator}): {tokens} tokens, {spans} spans</source>
        <translation>文档 {name}（{annotator}）：{tokens} 个词元，{spans} 个标注</translation>
    </message>
    <message>
        <location filename="../../operations/preview.py" line="41"/>
        <source>words:</source>
        <translation>词元：</translation>
    </message>
    <message>
        <location filename="../../operations/preview.py" line="42"/>
        <source>chars [{start}, {end})  tokens [{first}, {last}]</source>
        <translation>字符 [{start}, {end})  词元 [{first}, {last}]</translation>
    </message>
</context>
<context>
    <name>ProjectSearchDialog</name>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="115"/>
        <source>Find in all documents</source>
        <translation>在所有文档中查找</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="118"/>
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
    <name>Projects</name>
    <message>
        <location filename="../../gui/common/recent.py" line="55"/>
        <source>default project</source>
        <translation>默认项目</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/common/i18n.py" line="19"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../gui/common/i18n.py" line="19"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RelationReview</name>
    <message>
        <location filename="../../gui/review/relation_review.py" line="137"/>
        <source>No relation at the cursor: put the cursor on a span with a relation, then press R.</source>
        <translation>光标处没有关系：把光标放在有关系的片段上，再按 R。</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="140"/>
        <source>%1 — press a digit, Esc to cancel.</source>
        <translation>%1 —— 按数字键选择，Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="145"/>
        <source>%1 “%2” → “%3”</source>
        <translation>%1 “%2” → “%3”</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="148"/>
        <source>take out of gold: %1</source>
        <translation>移出金标准：%1</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="149"/>
        <source>accept %1&apos;s %2</source>
        <translation>采纳 %1 的 %2</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="159"/>
        <source>Deciding a relation cancelled.</source>
        <translation>已取消裁决关系。</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="171"/>
        <source>take the %1 relation out of gold</source>
        <translation>将%1关系移出金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="177"/>
        <source>“%1” is not in gold: put both spans of the %2 relation into gold first.</source>
        <translation>“%1”不在金标准中：请先把%2关系的两个片段都放入金标准。</translation>
    </message>
    <message>
        <location filename="../../gui/review/relation_review.py" line="181"/>
        <source>accept %1&apos;s %2 relation</source>
        <translation>采纳 %1 的%2关系</translation>
    </message>
</context>
<context>
    <name>RelationTypesDialog</name>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="38"/>
        <source>Relation types — biaozhu 标注</source>
        <translation>关系类型 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="43"/>
        <source>What this relation says, with an example</source>
        <translation>这种关系表示什么，附一个例子</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="44"/>
        <source>From labels:</source>
        <translation>起点标签：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="45"/>
        <source>To labels:</source>
        <translation>终点标签：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="46"/>
        <source>Definition:</source>
        <translation>定义：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="48"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="47"/>
        <source>New type</source>
        <translation>新建类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="88"/>
        <source>A new relation type: fill in its name, tick its labels and press Save.</source>
        <translation>新的关系类型：填写名称，勾选标签，然后按保存。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="98"/>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="102"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/relation_types.py" line="110"/>
        <source>Deleted %1.</source>
        <translation>已删除 %1。</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../gui/common/wording.py" line="45"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="45"/>
        <source>boundary</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="46"/>
        <source>label</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="46"/>
        <source>boundary + label</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../gui/common/wording.py" line="47"/>
        <source>one annotator only</source>
        <translation>仅一位标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="87"/>
        <source>value %1</source>
        <translation>数值 %1</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="91"/>
        <source>all annotators</source>
        <translation>全体标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="92"/>
        <source>gold: %1 “%2” [%3, %4) from %5, decided by %6</source>
        <translation>金标准：%1“%2” [%3, %4)，来自 %5，由 %6 裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/model.py" line="108"/>
        <source>rejected by %1: none of the versions is gold</source>
        <translation>由 %1 驳回：各版本均不进入金标准</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../gui/review/actions.py" line="59"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="60"/>
        <source>Mark adjudicated and open the next</source>
        <translation>标记为已裁定并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="62"/>
        <source>Next document not adjudicated</source>
        <translation>下一篇未裁定的文档</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="65"/>
        <source>Close review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="67"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="68"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="68"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="70"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="72"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="73"/>
        <source>Next disagreement</source>
        <translation>下一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="75"/>
        <source>Previous disagreement</source>
        <translation>上一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="80"/>
        <source>Accept annotator %1&apos;s version</source>
        <translation>采纳第 %1 位标注员的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="83"/>
        <source>Accept both</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="84"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="85"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="86"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="87"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="88"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="90"/>
        <source>Selection becomes the gold span</source>
        <translation>以选中的文字作为金标准标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="92"/>
        <source>Accept or take out a relation at the cursor…</source>
        <translation>采纳或移出光标处的关系…</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="98"/>
        <source>Put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="107"/>
        <source>Agreement…</source>
        <translation>标注一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="108"/>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="112"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="113"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="115"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/review/actions.py" line="125"/>
        <source>Accept %1&apos;s version</source>
        <translation>采纳 %1 的版本</translation>
    </message>
</context>
<context>
    <name>ReviewLegend</name>
    <message>
        <location filename="../../gui/review/legend.py" line="63"/>
        <source>Agreed spans into gold automatically</source>
        <translation>一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="66"/>
        <source>Spans every annotator has alike go into gold when a document opens</source>
        <translation>打开文档时，所有标注员都一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="78"/>
        <source>Lanes:</source>
        <translation>标注线：</translation>
    </message>
    <message>
        <location filename="../../gui/review/legend.py" line="86"/>
        <source>Lane %1 under each line; press %1 to accept %2&apos;s version</source>
        <translation>每行下方的第 %1 条线；按 %1 采纳 %2 的版本</translation>
    </message>
</context>
<context>
    <name>ReviewNotes</name>
    <message>
        <location filename="../../gui/review/notes.py" line="42"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="43"/>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="50"/>
        <source>G&amp;uide</source>
        <translation>指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="51"/>
        <source>Guide for this label</source>
        <translation>本标签的标注指南</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="52"/>
        <source>Pin as a good example</source>
        <translation>固定为正例</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="54"/>
        <source>Pin as a bad example</source>
        <translation>固定为反例</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="57"/>
        <source>Comment on the gold span…</source>
        <translation>评论这个金标准标注…</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="59"/>
        <source>Comment on the document…</source>
        <translation>评论这个文档…</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="78"/>
        <source>Put the cursor on a gold span to pin it as an example.</source>
        <translation>请把光标放在金标准标注上，再把它固定为示例。</translation>
    </message>
    <message>
        <location filename="../../gui/review/notes.py" line="88"/>
        <source>Put the cursor on a gold span to comment on it (Ctrl+Shift+C comments on the document).</source>
        <translation>请把光标放在金标准标注上再评论（Ctrl+Shift+C 评论整个文档）。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../gui/review/view.py" line="226"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/view.py" line="226"/>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/view.py" line="227"/>
        <source>disagreement %1: %2, %3</source>
        <translation>分歧 %1：%2，%3</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../gui/review/window.py" line="113"/>
        <source>%1 is not a reviewer: this is a read-only view. A reviewer can make them one with `biaozhu annotators role %1 reviewer --reviewer REVIEWER`.</source>
        <translation>%1 不是审核员：此视图只读。审核员可用 `biaozhu annotators role %1 reviewer --reviewer 审核员` 指定。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="121"/>
        <source>This project file is read-only: you can read and export it; decisions are refused.</source>
        <translation>这个项目文件是只读的：可以阅读和导出，不能做裁定。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="146"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="147"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="149"/>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="149"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="150"/>
        <source>Reviewer: %1 (%2)</source>
        <translation>审核员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="107"/>
        <source>Review — %1 — biaozhu 标注</source>
        <translation>审核 — %1 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="194"/>
        <source>%1 — review — %2 — biaozhu 标注</source>
        <translation>%1 — 审核 — %2 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="262"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="262"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="263"/>
        <source>%1 of %2 disagreements open · %3 gold spans · %4</source>
        <translation>%2 处分歧中 %1 处待裁定 · 金标准标注 %3 个 · %4</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="281"/>
        <source>This document has no disagreements.</source>
        <translation>本文档没有分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="287"/>
        <source>That was the last disagreement.</source>
        <translation>已是最后一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="288"/>
        <source>That was the first disagreement.</source>
        <translation>已是第一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="309"/>
        <source>Every disagreement is decided: Ctrl+Enter marks the document adjudicated.</source>
        <translation>所有分歧都已裁定：按 Ctrl+Enter 将文档标记为已裁定。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="319"/>
        <source>Marked adjudicated with %1 disagreements left open (Ctrl+Z takes it back).</source>
        <translation>已标记为已裁定，但还有 %1 处分歧待裁定（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../gui/review/window.py" line="322"/>
        <source>Every document is adjudicated.</source>
        <translation>所有文档都已裁定。</translation>
    </message>
</context>
<context>
    <name>SavedLabel</name>
    <message>
        <location filename="../../gui/widgets/saved_label.py" line="25"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
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
        <location filename="../../gui/dialogs/project_search.py" line="85"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="85"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="85"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/project_search.py" line="85"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../gui/dialogs/server.py" line="36"/>
        <source>Connect to a team server</source>
        <translation>连接团队服务器</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server.py" line="44"/>
        <source>empty: read from ~/.pgpass</source>
        <translation>留空：从 ~/.pgpass 读取</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server.py" line="45"/>
        <source>The password is used to connect and never saved. To type it no more, put it in ~/.pgpass (host:port:database:user:password).</source>
        <translation>密码只用于连接，从不保存。若不想每次输入，请写入 ~/.pgpass（主机:端口:数据库:用户:密码）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server.py" line="54"/>
        <source>Server URL:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server.py" line="55"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/server.py" line="68"/>
        <source>That is not a PostgreSQL URL with a database, such as postgresql://annotator@db.example.org/biaozhu.</source>
        <translation>这不是带数据库名的 PostgreSQL 地址，例如 postgresql://annotator@db.example.org/biaozhu。</translation>
    </message>
</context>
<context>
    <name>SpanContextMenu</name>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="50"/>
        <source>Tag as</source>
        <translation>标注为</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="55"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="58"/>
        <source>Change label</source>
        <translation>改标签</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="64"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="65"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有相同文字…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="66"/>
        <source>Copy text</source>
        <translation>复制文字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="67"/>
        <source>Next span with this label</source>
        <translation>下一个同标签的标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="69"/>
        <source>Comment…</source>
        <translation>评论…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="71"/>
        <source>Comment on a link…</source>
        <translation>评论一条关联…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="72"/>
        <source>Pin as a good example</source>
        <translation>固定为正例</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="73"/>
        <source>Pin as a bad example</source>
        <translation>固定为反例</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/context_menu.py" line="74"/>
        <source>Guide for this label</source>
        <translation>本标签的标注指南</translation>
    </message>
</context>
<context>
    <name>SpanEditing</name>
    <message>
        <location filename="../../gui/annotate/editing.py" line="159"/>
        <source>Only %1 spans have a value.</source>
        <translation>只有 %1 标注有数值。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="67"/>
        <source>Select some text first (mouse or Shift+arrows), or click a span to relabel it.</source>
        <translation>请先选中文字（用鼠标或 Shift+方向键），或点击一个标注来更改它的标签。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="73"/>
        <source>Only spaces and punctuation are selected: nothing to tag.</source>
        <translation>选中的只有空格和标点，没有可标注的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="79"/>
        <source>Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not cross.</source>
        <translation>未执行：[%1, %2) 会与标注“%3” [%4, %5) 交叉；标注可以嵌套，但不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="86"/>
        <source>“%1” is tagged %2 already.</source>
        <translation>“%1”已经标注为 %2。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="106"/>
        <source>Tag a long selection?</source>
        <translation>标注很长的选区？</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="110"/>
        <source>The selection is %1 characters long. Tag all of it as one %2 span?</source>
        <translation>选区有 %1 个字。要把它整个标注为一个%2标注吗？</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="115"/>
        <source>Not tagged: the selection was too long.</source>
        <translation>未标注：选区太长。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="122"/>
        <location filename="../../gui/annotate/editing.py" line="138"/>
        <location filename="../../gui/annotate/editing.py" line="155"/>
        <source>Click a span (or press Tab) to select it first.</source>
        <translation>请先点击一个标注（或按 Tab）选中它。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="145"/>
        <source>Refused: the span would cross “%1”.</source>
        <translation>未执行：该标注会与“%1”交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="178"/>
        <source>Select a span first: its text is what gets tagged everywhere.</source>
        <translation>请先选中一个标注：与它相同的文字将在各处被标注。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="198"/>
        <source>Nothing to tag: %1 occurrences left alone.</source>
        <translation>没有可标注的：%1 处未动。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/editing.py" line="201"/>
        <source>Tagged %1 occurrences; %2 left alone (tagged already, crossing or inside a span, inside a longer word, or unticked).</source>
        <translation>已标注 %1 处；%2 处未动（已标注、与标注交叉或在标注之内、在更长的词之内，或已取消勾选）。</translation>
    </message>
</context>
<context>
    <name>SpanFilter</name>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="46"/>
        <source>Figures not read only</source>
        <translation>仅显示未识别的数值</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="48"/>
        <source>METRIC spans whose text was not read as a figure and that have no value set by hand (V sets one)</source>
        <translation>文本未能识别为数值、也没有手动设置数值的 METRIC 标注（按 V 设置）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="38"/>
        <location filename="../../gui/annotate/span_filter.py" line="74"/>
        <source>All labels</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="41"/>
        <source>Filter by text</source>
        <translation>按文字筛选</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="45"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="45"/>
        <source>All documents</source>
        <translation>全部文档</translation>
    </message>
</context>
<context>
    <name>SpanScope</name>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="141"/>
        <source>The first %1 spans are shown: narrow the filter to see the rest.</source>
        <translation>只显示前 %1 个标注：缩小筛选范围以查看其余的。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_filter.py" line="142"/>
        <source>%1 spans in all documents</source>
        <translation>全部文档中共 %1 个标注</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="195"/>
        <source>Not read as a figure: press V to set its value</source>
        <translation>未识别为数值：按 V 设置</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="130"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="131"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="130"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="190"/>
        <source>%1 comment threads, %2 open: the comments panel shows them</source>
        <translation>%1 个评论线程，%2 个未解决：评论面板中可以查看</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="130"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="130"/>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="130"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="131"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="131"/>
        <source>Links</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="132"/>
        <source>Comments on the span</source>
        <translation>标注上的评论</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/span_table.py" line="133"/>
        <source>Offset in characters from the start of the document</source>
        <translation>从文档开头算起的字符位置（从 0 开始）</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="58"/>
        <source>Statistics — biaozhu 标注</source>
        <translation>统计 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="60"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="60"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="61"/>
        <source>adjudicated</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="76"/>
        <source>Spans per label</source>
        <translation>各标签标注数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="78"/>
        <source>Spans added per day</source>
        <translation>每日新增标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="92"/>
        <source>Save “%1” as PNG…</source>
        <translation>将“%1”保存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="110"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="80"/>
        <source>Hours spent per day</source>
        <translation>每日用时（小时）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="83"/>
        <source>Agreement over time (F1, κ)</source>
        <translation>一致性变化（F1、κ）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="113"/>
        <location filename="../../gui/dialogs/statistics.py" line="185"/>
        <source>Measure agreement now</source>
        <translation>立即计算一致性</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="144"/>
        <source>Suggestions accepted / rejected / open: %1</source>
        <translation>建议 接受 / 拒绝 / 未决定：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="167"/>
        <source>Measuring agreement…</source>
        <translation>正在计算一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="227"/>
        <source>documents %1–%2 of %3</source>
        <translation>第 %1–%2 篇，共 %3 篇文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="141"/>
        <source>%1 documents, %2 characters, %3 layers</source>
        <translation>%1 篇文档，%2 个字，%3 个标注层</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="61"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="204"/>
        <source>%1 · %2 spans</source>
        <translation>%1 · %2 个标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/statistics.py" line="239"/>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
</context>
<context>
    <name>StorageError</name>
    <message>
        <location filename="../../db/errors.py" line="26"/>
        <source>the project database stayed busy (locked by another program) too long; nothing was saved — try again</source>
        <translation>项目数据库被其他程序占用（锁定）太久；没有保存任何内容，请重试</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="60"/>
        <source>the project database is read-only (file, folder or disk); nothing was saved</source>
        <translation>项目数据库是只读的（文件、文件夹或磁盘）；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="62"/>
        <source>the project database is on a read-only disk; nothing was saved</source>
        <translation>项目数据库位于只读磁盘上；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="64"/>
        <source>the database server only allows reading here; nothing was saved</source>
        <translation>数据库服务器在这里只允许读取；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="66"/>
        <source>cannot open the project database file: check the folder exists and is writable</source>
        <translation>无法打开项目数据库文件：请检查文件夹是否存在且可写</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="28"/>
        <source>the disk is full: free some space; nothing was saved from this action</source>
        <translation>磁盘已满：请腾出空间；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="33"/>
        <source>the database server does not let your role change this (your own layer only; gold, labels, roles and deletions are for reviewers); nothing was saved</source>
        <translation>数据库服务器不允许你的角色修改这里（只能改自己的标注层；金标准、标签、角色和删除归审核员）；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="36"/>
        <source>a row this action changes was not there for you: someone deleted it meanwhile, or the database server does not let your role change it; nothing was saved</source>
        <translation>此操作要修改的一行对你不可见：可能刚被别人删除，或数据库服务器不允许你的角色修改它；没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="41"/>
        <source>this database is not a biaozhu project (it holds another program&apos;s tables); nothing was changed</source>
        <translation>此数据库不是 biaozhu 项目（其中是其他程序的表）；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="43"/>
        <source>this project file is read-only and was saved by an older biaozhu: open it once where it can be written (that upgrades it); nothing was changed</source>
        <translation>这个项目文件是只读的，而且由旧版 biaozhu 保存：请先在可写的位置打开一次（会升级它）；没有做任何改动</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="70"/>
        <source>the database server&apos;s disk is full; nothing was saved from this action</source>
        <translation>数据库服务器的磁盘已满；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="72"/>
        <source>the disk reported an I/O error; nothing was saved from this action</source>
        <translation>磁盘报告了读写错误；这一步操作没有保存任何内容</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="46"/>
        <source>this file is not a biaozhu project, or it is corrupt: restore it from a backup</source>
        <translation>这个文件不是 biaozhu 项目，或者已损坏：请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="48"/>
        <source>the project database is corrupt: restore it from a backup</source>
        <translation>项目数据库已损坏：请从备份恢复</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="77"/>
        <source>cannot reach the database server (connection refused)</source>
        <translation>无法连接数据库服务器（连接被拒绝）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="79"/>
        <source>cannot reach the database server (no answer in time): check the address and the network</source>
        <translation>连不上数据库服务器（没有及时回应）：请检查地址和网络</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="81"/>
        <source>cannot reach the database server (unknown host)</source>
        <translation>无法连接数据库服务器（未知主机）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="54"/>
        <source>the database server closed the connection; nothing was saved — try again</source>
        <translation>数据库服务器关闭了连接；没有保存任何内容，请重试</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="84"/>
        <source>the database server refused the user name or password</source>
        <translation>数据库服务器拒绝了用户名或密码</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="86"/>
        <source>the database server wants a password: put it in the URL or in ~/.pgpass</source>
        <translation>数据库服务器需要密码：请写在 URL 或 ~/.pgpass 中</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="29"/>
        <source>someone else made the same change at the same moment; nothing was changed</source>
        <translation>有人在同一时刻做了相同的修改；没有做任何更改</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="31"/>
        <source>the database server says the database does not exist: create it first (createdb)</source>
        <translation>数据库服务器说该数据库不存在：请先创建它（createdb）</translation>
    </message>
    <message>
        <location filename="../../db/errors.py" line="39"/>
        <source>the project&apos;s data broke a foreign key while upgrading; nothing was changed</source>
        <translation>升级时项目数据违反了外键约束；没有做任何更改</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="29"/>
        <source>this project was saved by a newer biaozhu (schema %1); update biaozhu to open it</source>
        <translation>这个项目由更新版本的 biaozhu 保存（数据结构版本 %1）；请升级 biaozhu 后再打开</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="37"/>
        <source>biaozhu cannot open the project</source>
        <translation>biaozhu 无法打开这个项目</translation>
    </message>
</context>
<context>
    <name>StorageNotice</name>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="59"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../gui/common/storage_messages.py" line="64"/>
        <source>This change was not made: %1</source>
        <translation>这项修改没有生效：%1</translation>
    </message>
</context>
<context>
    <name>SuggestionBoard</name>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="121"/>
        <source>Suggestions shown (S hides them).</source>
        <translation>已显示建议（按 S 隐藏）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="122"/>
        <source>Suggestions hidden (S shows them).</source>
        <translation>已隐藏建议（按 S 显示）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="141"/>
        <source>No suggestions here: Suggest computes them.</source>
        <translation>这里没有建议：用“建议”菜单计算。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="170"/>
        <source>rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="170"/>
        <source>dictionary</source>
        <translation>词典</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="170"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="173"/>
        <source>Suggestion %1/%2: %3 “%4” (%5 %6) · Enter accepts · a label key: as that label · Alt+arrows: boundary · X rejects</source>
        <translation>建议 %1/%2：%3“%4”（%5 %6）· Enter 采纳 · 标签键改标 · Alt+方向键调边界 · X 拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="183"/>
        <location filename="../../gui/annotate/suggestions.py" line="203"/>
        <source>Press N to go to a suggestion first.</source>
        <translation>请先按 N 转到一条建议。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="192"/>
        <source>Refused: the suggestion would cross “%1”; fix its boundary or reject it.</source>
        <translation>未执行：该建议会与“%1”交叉；请调整边界或拒绝它。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="214"/>
        <source>Every suggestion here is decided.</source>
        <translation>这里的建议都已处理。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="229"/>
        <source>No suggestion here is scored %1 or more.</source>
        <translation>这里没有得分不低于 %1 的建议。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="234"/>
        <source>Accepted %1 suggestions scored %2 or more (Ctrl+Z takes them back).</source>
        <translation>已采纳 %1 条得分不低于 %2 的建议（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="262"/>
        <source>%1 suggestions here (%2 already decided or tagged): N walks them.</source>
        <translation>这里有 %1 条建议（另有 %2 条已处理或已标注）：按 N 逐条查看。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="273"/>
        <source>Su&amp;ggest</source>
        <translation>建议(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="275"/>
        <source>Suggest for this document</source>
        <translation>为本文档计算建议</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="276"/>
        <source>Train the model now</source>
        <translation>立即训练模型</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="277"/>
        <source>Show or hide suggestions</source>
        <translation>显示或隐藏建议</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="278"/>
        <source>Next suggestion</source>
        <translation>下一条建议</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="279"/>
        <source>Previous suggestion</source>
        <translation>上一条建议</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="280"/>
        <source>Accept suggestion (Enter)</source>
        <translation>采纳建议（Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="281"/>
        <source>Reject suggestion (also Backspace)</source>
        <translation>拒绝建议（也可按 Backspace）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="282"/>
        <source>Accept every suggestion scored %1 or more</source>
        <translation>采纳所有得分不低于 %1 的建议</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="287"/>
        <source>Use the rules</source>
        <translation>使用规则</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="287"/>
        <source>Use the project&apos;s dictionary</source>
        <translation>使用项目词典</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestions.py" line="288"/>
        <source>Use the learned model</source>
        <translation>使用学习的模型</translation>
    </message>
</context>
<context>
    <name>SuggestionComputer</name>
    <message>
        <location filename="../../gui/annotate/suggestion_compute.py" line="77"/>
        <source>Suggestions are still being computed; the rest follows in the background.</source>
        <translation>仍在计算建议；其余部分在后台继续。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_compute.py" line="81"/>
        <source>Every engine is switched off (Suggest menu): there is nothing to compute.</source>
        <translation>所有建议来源均已关闭（建议菜单），无可计算。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_compute.py" line="83"/>
        <source>Computing suggestions…</source>
        <translation>正在计算建议…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/suggestion_compute.py" line="142"/>
        <source>%1 suggestions on screen; the rest of the document follows in the background.</source>
        <translation>屏幕上有 %1 条建议；文档其余部分在后台继续计算。</translation>
    </message>
</context>
<context>
    <name>TagAll</name>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="33"/>
        <source>Tag all occurrences</source>
        <translation>标注所有出现之处</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="41"/>
        <source>This document (%1)</source>
        <translation>本文档（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="42"/>
        <source>All documents (%1)</source>
        <translation>所有文档（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="35"/>
        <source>Tag “%1” as %2 wherever else it occurs? Untick any you want left alone.</source>
        <translation>把其他地方出现的“%1”也都标注为 %2 吗？不想标注的可取消勾选。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="63"/>
        <source>(inside the word “%1”)</source>
        <translation>（在词“%1”之内）</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="76"/>
        <source>Skipped: %1 tagged already, %2 would cross a span, %3 inside a span of the same label.</source>
        <translation>已跳过：%1 处已标注，%2 处会与已有标注交叉，%3 处在同标签的标注之内。</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/tag_all.py" line="83"/>
        <source>Tag %1</source>
        <translation>标注 %1 处</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="51"/>
        <source>Trash — biaozhu 标注</source>
        <translation>回收站 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="57"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="57"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="57"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="58"/>
        <source>Annotator</source>
        <translation>标注员</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="58"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="65"/>
        <source>Restore (Enter)</source>
        <translation>恢复（Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="68"/>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="71"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="80"/>
        <source>Deleted spans, relations and documents stay here until the trash is emptied.</source>
        <translation>已删除的标注、关系和文档会留在这里，直到清空回收站。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="94"/>
        <source>%1 (%2 spans)</source>
        <translation>%1（%2 个标注）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="107"/>
        <source>span</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="107"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="107"/>
        <source>label</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="108"/>
        <source>relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="108"/>
        <source>comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="136"/>
        <source>Select what to restore first.</source>
        <translation>请先选中要恢复的项目。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="150"/>
        <source>%1 restored.</source>
        <translation>已恢复 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="159"/>
        <source>Empty the trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="160"/>
        <source>Delete the %1 items in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 %1 项？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/trash.py" line="170"/>
        <source>The trash is empty: %1 items deleted for good.</source>
        <translation>回收站已清空：永久删除了 %1 项。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/annotate/actions.py" line="98"/>
        <source>Edit value…</source>
        <translation>编辑数值…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="60"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="61"/>
        <source>Mark done and open the next</source>
        <translation>标记为完成并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="63"/>
        <source>Next unfinished document</source>
        <translation>下一篇未完成的文档</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="66"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="68"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="69"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="69"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="71"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="72"/>
        <source>Find in all documents…</source>
        <translation>在所有文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="75"/>
        <source>Trash…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="77"/>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="118"/>
        <source>Statistics…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="130"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="83"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="84"/>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="85"/>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="86"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="87"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="88"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="89"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="90"/>
        <source>Word snapping</source>
        <translation>按词对齐</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="91"/>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="96"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有相同文字…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="99"/>
        <source>Link to a span…</source>
        <translation>关联到标注…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="100"/>
        <source>Link to the nearest span</source>
        <translation>关联到最近的标注</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="102"/>
        <source>Labels…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="103"/>
        <source>Relation types…</source>
        <translation>关系类型…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="109"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="110"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="112"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="114"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="115"/>
        <source>Review mode</source>
        <translation>审核模式</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="116"/>
        <source>Agreement…</source>
        <translation>标注一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/annotate/actions.py" line="117"/>
        <source>Audit log…</source>
        <translation>操作记录…</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="81"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="84"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="85"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="86"/>
        <source>Keyboard shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="88"/>
        <source>Annotation guide…</source>
        <translation>标注指南…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="89"/>
        <location filename="../../gui/dialogs/window_menus.py" line="113"/>
        <source>About biaozhu</source>
        <translation>关于 biaozhu</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/window_menus.py" line="116"/>
        <source>biaozhu 标注 %1: span annotation for Chinese reports.
Project: %2
PySide6 %3</source>
        <translation>biaozhu 标注 %1：中文报告的片段标注工具。
项目：%2
PySide6 %3</translation>
    </message>
</context>
</TS>
