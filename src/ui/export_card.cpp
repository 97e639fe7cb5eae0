// The card an exported image carries in its top-left corner: the title, what is shown (cities,
// year), the date of the export in the language, and the legend. Drawn on a draw list of its own,
// so that the picture has it and the screen does not.
#include <cfloat>
#include <ctime>

#include "render/marker_layer.h"

#include "ui/ui.h"

namespace atlas::ui {

std::string long_date(const UiContext& ui, int year, int month, int day) {
    const std::string month_name = ui.lang().lookup("month:" + std::to_string(month), std::to_string(month));
    return ui.fmt("{day} {month} {year}", {{"day", std::to_string(day)}, {"month", month_name}, {"year", std::to_string(year)}});
}

void draw_export_card(const UiContext& ui, ImDrawList* dl, bool compact) {
    const Atlas& a = ui.atlas;
    const Dataset& d = a.data();
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    const std::string title = ui.tr("Atlas Sur — cultural cooperation of Mexico and the Global South");
    const std::string what = ui.fmt("{cities} · {links} · up to {year}",
                                    {{"cities", ui.fmt("{n} cities", {{"n", a.counts().visible}})},
                                     {"links", ui.fmt("{n} links", {{"n", (long long)a.drawn_links().size()}})},
                                     {"year", std::to_string(a.timeline_year())}});
    const std::string date = long_date(ui, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    ImFont* big = ui.fonts.title ? ui.fonts.title : ImGui::GetFont();
    ImFont* body = ui.fonts.body ? ui.fonts.body : ImGui::GetFont();
    const float pad = 14, line = px(body) + 6, glyph = px(body) * 0.36f;
    if (compact) {  // a video's bottom-right corner (the inset of Mexico keeps the left): title, what, date
        const std::string first = title, second = what + " · " + date;
        const float w = std::max(body->CalcTextSizeA(px(body), FLT_MAX, 0, first.c_str()).x,
                                 body->CalcTextSizeA(px(body), FLT_MAX, 0, second.c_str()).x);
        const float bottom = ImGui::GetIO().DisplaySize.y - line - 12;  // above the attribution
        const float right = ImGui::GetIO().DisplaySize.x - 12;
        const ImVec2 p0(right - w - 2 * 10, bottom - 2 * line - 2 * 8), p1(right, bottom);
        dl->AddRectFilled(p0, p1, ui.color("ui.card"), 6);
        dl->AddText(body, px(body), ImVec2(p0.x + 10, p0.y + 8), ui.color("ui.cardText"), first.c_str());
        dl->AddText(body, px(body), ImVec2(p0.x + 10, p0.y + 8 + line), ui.color("ui.cardText", 0.75f), second.c_str());
        return;
    }
    // The legend: the fields, then the other city groups.
    std::vector<std::pair<int, const CreativeField*>> rows;
    for (const auto& f : d.fields) rows.push_back({render::kCreative, &f});
    std::vector<const Network*> groups;
    for (const auto& n : d.networks)
        if (n.is_city_group() && n.group != "creative") groups.push_back(&n);
    // As wide as the side column: the camera keeps what matters to the right of it.
    const float width = kSidePanelWidth - 2 * pad;
    const float title_h = big->CalcTextSizeA(px(big), FLT_MAX, width, title.c_str()).y;
    float groups_h = 0;
    for (const Network* n : groups)
        groups_h += std::max(line, body->CalcTextSizeA(px(body), FLT_MAX, width - 2 * glyph - 10, ui.network_name(*n).c_str()).y + 6);
    const float height = pad + title_h + 8 + 2 * line + 6 + float(rows.size()) * line + groups_h + pad;
    const ImVec2 p0(12, 12), p1(12 + width + 2 * pad, 12 + height);
    dl->AddRectFilled(p0, p1, ui.color("ui.card"), 8);
    dl->AddRect(p0, p1, ui.color("ui.cardText", 0.35f), 8);
    float y = p0.y + pad;
    const float x = p0.x + pad;
    dl->AddText(big, px(big), ImVec2(x, y), ui.color("ui.cardText"), title.c_str(), nullptr, width);
    y += title_h + 8;
    dl->AddText(body, px(body), ImVec2(x, y), ui.color("ui.cardText", 0.85f), what.c_str());
    y += line;
    dl->AddText(body, px(body), ImVec2(x, y), ui.color("ui.cardText", 0.65f), date.c_str());
    y += line + 6;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float cx = x, cy = y + float(i) * line;  // one column: UNESCO's names are long in Spanish
        draw_marker_glyph(dl, ImVec2(cx + glyph + 2, cy + px(body) * 0.5f), glyph, render::kCreative, rows[i].second->color, a);
        dl->AddText(body, px(body), ImVec2(cx + 2 * glyph + 10, cy), ui.color("ui.cardText"), ui.field_name(*rows[i].second).c_str());
    }
    y += float(rows.size()) * line;
    for (const Network* n : groups) {
        draw_marker_glyph(dl, ImVec2(x + glyph + 2, y + px(body) * 0.5f), glyph, group_marker_flags(n->group), {}, a);
        const char* name = ui.network_name(*n).c_str();
        dl->AddText(body, px(body), ImVec2(x + 2 * glyph + 10, y), ui.color("ui.cardText"), name, nullptr, width - 2 * glyph - 10);
        y += std::max(line, body->CalcTextSizeA(px(body), FLT_MAX, width - 2 * glyph - 10, name).y + 6);
    }
}

}  // namespace atlas::ui
