<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="74"/>
        <source>Agreement — biaozhu 标注</source>
        <translation>一致性 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="84"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="88"/>
        <source>Pair:</source>
        <translation>标注员对：</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="94"/>
        <source>Pairs</source>
        <translation>标注员对</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="94"/>
        <source>Per label</source>
        <translation>按标签</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="95"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="95"/>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="99"/>
        <source>Click a count to list the disagreements behind it.</source>
        <translation>点击一个计数，列出其背后的分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="132"/>
        <source>%1 documents annotated · annotators: %2 · labels: %3 · Krippendorff&apos;s alpha (all annotators, characters): %4 over %5 documents, %6 characters</source>
        <translation>已标注文档 %1 篇 · 标注员：%2 · 标签：%3 · Krippendorff alpha（全体标注员，按字符）：%4，基于 %5 篇文档、%6 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="137"/>
        <source>A (reference)</source>
        <translation>A（参照）</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="137"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="137"/>
        <location filename="../../gui/agreement_dialog.py" line="167"/>
        <source>exact P</source>
        <translation>精确 P</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="138"/>
        <location filename="../../gui/agreement_dialog.py" line="167"/>
        <source>overlap P</source>
        <translation>重叠 P</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="151"/>
        <source>only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="167"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="168"/>
        <source>spans %1</source>
        <translation>%1 的标注</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="171"/>
        <location filename="../../gui/agreement_dialog.py" line="184"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="183"/>
        <location filename="../../gui/agreement_dialog.py" line="219"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="183"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="183"/>
        <source>exact F1</source>
        <translation>精确 F1</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="184"/>
        <source>overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="218"/>
        <source>%1 behind the count:</source>
        <translation>该计数背后的 %1 项：</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="219"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/agreement_dialog.py" line="219"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>AnnotatorIdentity</name>
    <message>
        <location filename="../../gui/annotator_identity.py" line="25"/>
        <source>Who is annotating?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../../gui/annotator_identity.py" line="26"/>
        <source>Your name (your spans are kept under it; asked only once):</source>
        <translation>您的名字（您的标注都记在这个名字下，只问这一次）：</translation>
    </message>
</context>
<context>
    <name>DisagreementModel</name>
    <message>
        <location filename="../../gui/review_model.py" line="135"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="135"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="135"/>
        <source>Versions</source>
        <translation>各方版本</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="135"/>
        <source>Gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="154"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="155"/>
        <source>all</source>
        <translation>全体</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <location filename="../../gui/document_list.py" line="199"/>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="205"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="205"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="205"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="206"/>
        <source>Show documents by your status</source>
        <translation>按您的标注进度筛选文档</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../gui/document_list.py" line="64"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="64"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="65"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="65"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="89"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="89"/>
        <source>Length</source>
        <translation>字数</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/document_list.py" line="89"/>
        <source>Spans</source>
        <translation>标注数</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find_bar.py" line="42"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="45"/>
        <source>text in this document</source>
        <translation>在本文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="48"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="48"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../gui/find_bar.py" line="57"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="81"/>
        <source>This project has no documents yet. Import reports with:
biaozhu --db PROJECT import FILES_OR_FOLDERS</source>
        <translation>这个项目还没有文档。用以下命令导入报告：
biaozhu --db PROJECT import FILES_OR_FOLDERS</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="99"/>
        <location filename="../../gui/main_window.py" line="128"/>
        <source>offset %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115"/>
        <source>Spans</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>Annotator: %1</source>
        <translation>标注员：%1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187"/>
        <source>Every document is done.</source>
        <translation>所有文档都已完成。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="245"/>
        <source>Word snapping: off (W)</source>
        <translation>按词对齐：关（W）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="247"/>
        <source>Word snapping: loading jieba…</source>
        <translation>按词对齐：正在加载结巴分词词典…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>Word snapping: on (W)</source>
        <translation>按词对齐：开（W）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="267"/>
        <source>%1 hits</source>
        <translation>找到 %1 处</translation>
    </message>
</context>
<context>
    <name>ProjectSearchDialog</name>
    <message>
        <location filename="../../gui/project_search.py" line="127"/>
        <source>Find in all documents</source>
        <translation>在所有文档中查找</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="130"/>
        <source>Text to find in every document</source>
        <translation>要在所有文档中查找的文字</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="175"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="205"/>
        <source>Not found in any document</source>
        <translation>所有文档中都没有找到</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_search.py" line="206"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/project_search.py" line="207"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="209"/>
        <source>%1 in %2 (the first %3 are shown: make the text longer to narrow the search)</source>
        <translation>在 %2中找到 %1（只显示前 %3 处：输入更长的文字可缩小范围）</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="211"/>
        <source>%1 in %2</source>
        <translation>在 %2中找到 %1</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../gui/review_model.py" line="31"/>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="31"/>
        <source>boundary</source>
        <translation>边界不同</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="32"/>
        <source>label</source>
        <translation>标签不同</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="32"/>
        <source>boundary + label</source>
        <translation>边界和标签都不同</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="33"/>
        <source>one annotator only</source>
        <translation>仅一位标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="100"/>
        <source>all annotators</source>
        <translation>全体标注员</translation>
    </message>
    <message>
        <location filename="../../gui/review_model.py" line="101"/>
        <source>gold: %1 “%2” [%3, %4) from %5, decided by %6</source>
        <translation>金标准：%1“%2” [%3, %4)，来自 %5，由 %6 裁定</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../gui/review_actions.py" line="42"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="43"/>
        <source>Mark adjudicated and open the next</source>
        <translation>标记为已裁定并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="45"/>
        <source>Next document not adjudicated</source>
        <translation>下一篇未裁定的文档</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="48"/>
        <source>Close review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="50"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="51"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="53"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="61"/>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="62"/>
        <source>Next disagreement</source>
        <translation>下一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="64"/>
        <source>Previous disagreement</source>
        <translation>上一处分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="68"/>
        <source>Accept annotator %1&apos;s version</source>
        <translation>采纳第 %1 位标注员的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="73"/>
        <source>Accept both</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="74"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="75"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="76"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="77"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="78"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="80"/>
        <source>Selection becomes the gold span</source>
        <translation>以选中的文字作为金标准标注</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="83"/>
        <source>Put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="92"/>
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="94"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="95"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/review_actions.py" line="97"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
<context>
    <name>ReviewLegend</name>
    <message>
        <location filename="../../gui/review_legend.py" line="57"/>
        <source>Agreed spans into gold automatically</source>
        <translation>一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review_legend.py" line="60"/>
        <source>Spans every annotator has alike go into gold when a document opens</source>
        <translation>打开文档时，所有标注员都一致的标注自动进入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review_legend.py" line="72"/>
        <source>Lanes:</source>
        <translation>标注线：</translation>
    </message>
    <message>
        <location filename="../../gui/review_legend.py" line="80"/>
        <source>Lane %1 under each line; press %1 to accept %2&apos;s version</source>
        <translation>每行下方的第 %1 条线；按 %1 采纳 %2 的版本</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../gui/review_view.py" line="142"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="142"/>
        <source>decided</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_view.py" line="143"/>
        <source>disagreement %1: %2, %3</source>
        <translation>分歧 %1：%2，%3</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../gui/review_window.py" line="74"/>
        <source>Review — biaozhu 标注</source>
        <translation>审核 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="80"/>
        <source>%1 is not a reviewer: this is a read-only view. A reviewer can be named with `biaozhu annotators role NAME reviewer`.</source>
        <translation>%1 不是审核员：此视图只读。可用 `biaozhu annotators role NAME reviewer` 指定审核员。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="108"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="109"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="118"/>
        <source>reviewer</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="118"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="119"/>
        <source>Reviewer: %1 (%2)</source>
        <translation>审核员：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="152"/>
        <source>%1 — review — biaozhu 标注</source>
        <translation>%1 — 审核 — biaozhu 标注</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="186"/>
        <source>adjudicated</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="186"/>
        <source>open</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="187"/>
        <source>%1 of %2 disagreements open · %3 gold spans · %4</source>
        <translation>%2 处分歧中 %1 处待裁定 · 金标准标注 %3 个 · %4</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="204"/>
        <source>This document has no disagreements.</source>
        <translation>本文档没有分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="213"/>
        <source>That was the last disagreement.</source>
        <translation>已是最后一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="214"/>
        <source>That was the first disagreement.</source>
        <translation>已是第一处分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="246"/>
        <source>Read-only: %1 is not a reviewer, so the gold layer cannot be changed here.</source>
        <translation>只读：%1 不是审核员，不能在这里修改金标准。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="252"/>
        <source>No disagreement chosen: press N for the next one.</source>
        <translation>还没有选中分歧：按 N 转到下一处。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="266"/>
        <source>Every disagreement is decided: Ctrl+Enter marks the document adjudicated.</source>
        <translation>所有分歧都已裁定：按 Ctrl+Enter 将文档标记为已裁定。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="277"/>
        <source>There is no annotator %1 here.</source>
        <translation>这里没有第 %1 位标注员。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="281"/>
        <source>accept %1&apos;s version</source>
        <translation>采纳 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="292"/>
        <source>accept both versions</source>
        <translation>两个版本都采纳</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="301"/>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="307"/>
        <source>set the boundary to “%1”</source>
        <translation>将边界改为“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="329"/>
        <source>Select the text the gold span should cover, then press Enter.</source>
        <translation>请选中金标准标注应覆盖的文字，然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="333"/>
        <source>The selection covers no disagreement.</source>
        <translation>选中的文字不涉及任何分歧。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="348"/>
        <source>put agreed spans into gold</source>
        <translation>将一致的标注放入金标准</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="360"/>
        <source>reopen the review</source>
        <translation>重新打开审核</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="365"/>
        <source>mark adjudicated</source>
        <translation>标记为已裁定</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="373"/>
        <source>Marked adjudicated with %1 disagreements left open (Ctrl+Z takes it back).</source>
        <translation>已标记为已裁定，仍有 %1 处分歧待裁定（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../gui/review_window.py" line="376"/>
        <source>Every document is adjudicated.</source>
        <translation>所有文档都已裁定。</translation>
    </message>
</context>
<context>
    <name>SearchHitModel</name>
    <message>
        <location filename="../../gui/project_search.py" line="63"/>
        <source>%1, characters %2 to %3</source>
        <translation>%1，第 %2 至 %3 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="70"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="70"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="70"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../gui/project_search.py" line="70"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
</context>
<context>
    <name>SpanEditing</name>
    <message>
        <location filename="../../gui/span_editing.py" line="50"/>
        <source>Select some text first (mouse or Shift+arrows), or click a span to relabel it.</source>
        <translation>请先选中文字（用鼠标或 Shift+方向键），或点击一个标注来更改它的标签。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="57"/>
        <source>Only spaces and punctuation are selected: nothing to tag.</source>
        <translation>选中的只有空格和标点，没有可标注的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="62"/>
        <source>Refused: [%1, %2) would cross the span “%3” [%4, %5); spans may nest but not cross.</source>
        <translation>未执行：[%1, %2) 会与标注“%3” [%4, %5) 交叉；标注可以嵌套，但不能交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="68"/>
        <source>“%1” is tagged %2 already.</source>
        <translation>“%1”已经标注为 %2。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="87"/>
        <location filename="../../gui/span_editing.py" line="104"/>
        <source>Click a span (or press Tab) to select it first.</source>
        <translation>请先点击一个标注（或按 Tab）选中它。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="111"/>
        <source>Refused: the span would cross “%1”.</source>
        <translation>未执行：该标注会与“%1”交叉。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="122"/>
        <source>Select a span first: its text is what gets tagged everywhere.</source>
        <translation>请先选中一个标注：与它相同的文字将在各处被标注。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="131"/>
        <source>Nothing to tag: %1 occurrences skipped (already tagged or crossing a span).</source>
        <translation>没有可标注的：跳过了 %1 处（已有标注，或会与标注交叉）。</translation>
    </message>
    <message>
        <location filename="../../gui/span_editing.py" line="136"/>
        <source>Tagged %1 occurrences; %2 skipped (already tagged or crossing a span).</source>
        <translation>已标注 %1 处；跳过 %2 处（已有标注，或会与标注交叉）。</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <location filename="../../gui/span_table.py" line="113"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="113"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="113"/>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="113"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../gui/span_table.py" line="115"/>
        <source>Offset in characters from the start of the document</source>
        <translation>从文档开头算起的字符位置（从 0 开始）</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>Mark done and open the next</source>
        <translation>标记为完成并打开下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>Next unfinished document</source>
        <translation>下一篇未完成的文档</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="51"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="53"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="61"/>
        <source>Find in document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="62"/>
        <source>Find in all documents…</source>
        <translation>在所有文档中查找…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="65"/>
        <source>&amp;Annotate</source>
        <translation>标注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="68"/>
        <source>Tag as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73"/>
        <source>Delete span</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="74"/>
        <source>Next span</source>
        <translation>下一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75"/>
        <source>Previous span</source>
        <translation>上一个标注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="76"/>
        <source>Move start left</source>
        <translation>起点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="77"/>
        <source>Move start right</source>
        <translation>起点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="78"/>
        <source>Move end left</source>
        <translation>终点左移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="79"/>
        <source>Move end right</source>
        <translation>终点右移一字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="80"/>
        <source>Word snapping</source>
        <translation>按词对齐</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="81"/>
        <source>Clear selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="86"/>
        <source>Tag all occurrences…</source>
        <translation>标注所有相同文字…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="89"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="90"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="92"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
</TS>
