// The phone layout's sheet: the panels as tabs of a sheet along the bottom of the screen, over a
// map that fills it. It stops at a peek (the tabs and one line: the selected city or the count),
// half or full height; the handle is dragged or tapped, a tab opens the sheet to half height, and a
// finger scrolls its content (ImGui 1.86 scrolls only with a wheel).
#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "ui/ui.h"

namespace atlas::ui {
namespace {
constexpr const char* kTabs[] = {N_("Filters"), N_("Details"), N_("Links"), N_("Timeline"), N_("Legend")};
constexpr float kHandle = 44;  // the strip to drag (a 44 px touch target), its grip drawn in the middle

constexpr float kTopPadding = 2;  // the handle is the sheet's top edge

float peek_height() {
    const ImGuiStyle& s = ImGui::GetStyle();
    return kTopPadding + s.WindowPadding.y + kHandle + ImGui::GetFrameHeight() + 2 * s.ItemSpacing.y + ImGui::GetTextLineHeight();
}

// A stop's height; the nearest stop to a height a finger left.
SheetHeight nearest_stop(float height, ImVec2 display, float search_bottom) {
    SheetHeight best = SheetHeight::Peek;
    for (SheetHeight h : {SheetHeight::Half, SheetHeight::Full})
        if (std::abs(sheet_height(h, display, search_bottom) - height) < std::abs(sheet_height(best, display, search_bottom) - height))
            best = h;
    return best;
}

void handle(UiContext& ui, ImVec2 display) {
    UiState& st = *ui.state;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("handle", ImVec2(w, kHandle));
    report_item(ui, "Sheet", "handle");
    if (ImGui::IsItemActivated()) st.sheet_drag_from = st.sheet_top;
    const float dy = ImGui::GetMouseDragDelta(0, 0).y;
    if (ImGui::IsItemActive() && std::abs(dy) > 6) st.sheet_live_height = display.y - (st.sheet_drag_from + dy);
    if (ImGui::IsItemDeactivated()) {
        if (st.sheet_live_height >= 0) {  // a drag: the nearest stop, or the next one the way it was flung
            SheetHeight to = nearest_stop(st.sheet_live_height, display, st.search_bottom);
            if (to == st.sheet && std::abs(dy) > 60) to = SheetHeight(std::clamp(int(st.sheet) + (dy < 0 ? 1 : -1), 0, 2));
            st.sheet = to;
        } else {  // a tap: peek, half, full, and back
            st.sheet = SheetHeight((int(st.sheet) + 1) % 3);
        }
        st.sheet_live_height = -1;
    }
    const ImU32 grip = ImGui::GetColorU32(ImGui::IsItemHovered() || ImGui::IsItemActive() ? ImGuiCol_Text : ImGuiCol_TextDisabled);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + w / 2 - 22, p.y + kHandle * 0.4f - 3), ImVec2(p.x + w / 2 + 22, p.y + kHandle * 0.4f + 2),
                                              grip, 3);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.tr("Drag or tap to show more or less"));
}

// Equal tabs across the sheet; a label too long for its tab is drawn smaller, never cut.
void tabs(UiContext& ui) {
    UiState& st = *ui.state;
    const ImGuiStyle& s = ImGui::GetStyle();
    const float gap = 4, w = (ImGui::GetContentRegionAvail().x - gap * 4) / 5, h = ImGui::GetFrameHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const char* name : kTabs) {
        if (name != kTabs[0]) ImGui::SameLine(0, gap);
        std::string label = ui.tr(name);
        if (std::string(name) == "Links" && ui.atlas.selected() >= 0)
            label += " (" + std::to_string(ui.atlas.links_of(ui.atlas.selected()).size()) + ")";
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const bool current = st.sheet_tab == name;
        if (ImGui::InvisibleButton(name, ImVec2(w, h))) {
            st.sheet_tab = name;
            if (st.sheet == SheetHeight::Peek) st.sheet = SheetHeight::Half;
        }
        report_item(ui, "Sheet", std::string("tab-") + name);
        const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                          current ? ui.color("ui.accent") : ImGui::GetColorU32(hot ? ImGuiCol_ButtonHovered : ImGuiCol_Button),
                          s.FrameRounding);
        const float full = ImGui::CalcTextSize(label.c_str()).x;
        const float size = ImGui::GetFontSize() * std::clamp((w - 8) / std::max(full, 1.0f), 0.62f, 1.0f);
        const ImVec2 t = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, label.c_str());
        dl->PushClipRect(p, ImVec2(p.x + w, p.y + h), true);
        dl->AddText(ImGui::GetFont(), size, ImVec2(p.x + (w - t.x) / 2, p.y + (h - t.y) / 2),
                    current ? ui.color("ui.accentText") : ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        dl->PopClipRect();
    }
}

// One line under the tabs: the selected city, or how many cities are shown.
void summary(UiContext& ui) {
    const Atlas& a = ui.atlas;
    std::string line;
    if (a.selected() >= 0) {
        const City& c = a.data().cities[a.selected()];
        line = c.local_name + " · " + ui.country_name(c);
    } else {
        line = ui.fmt("Showing {shown} of {n} cities", {{"shown", a.counts().visible}, {"n", (long long)a.data().cities.size()}});
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p, ImVec2(p.x + w, p.y + ImGui::GetTextLineHeight()), p.x + w, p.x + w,
                              line.c_str(), nullptr, nullptr);
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

void hint(const UiContext& ui, const char* english) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.color4("ui.muted"));
    ImGui::TextWrapped("%s", ui.tr(english));
    ImGui::PopStyleColor();
}

void body(UiContext& ui) {
    const std::string& tab = ui.state->sheet_tab;
    const bool chosen = ui.atlas.selected() >= 0;
    if (tab == "Filters") {
        filters_body(ui);
        if (ImGui::CollapsingHeader(ui.title("Networks and links").c_str())) networks_body(ui);
        if (ImGui::CollapsingHeader(ui.title("Tours").c_str())) tours_body(ui);
    } else if (tab == "Details") {
        if (chosen) details_body(ui);
        else hint(ui, "Tap a city on the map, or search for one, to see its details here.");
    } else if (tab == "Links") {
        if (!chosen) hint(ui, "Choose a city to see the cities it cooperates with.");
        else if (ui.atlas.links_of(ui.atlas.selected()).empty()) hint(ui, "No links of this city in the data.");
        else links_body(ui);
    } else if (tab == "Timeline") {
        timeline_body(ui, true);
    } else {
        legend_body(ui);
        if (ImGui::CollapsingHeader(ui.title("Statistics").c_str())) statistics_body(ui);
    }
}

}  // namespace

float sheet_height(SheetHeight h, ImVec2 display, float search_bottom) {
    const float peek = peek_height();
    search_bottom = search_bar_bottom(search_bottom);
    const float full = std::max(peek, display.y - search_bottom - kPanelMargin);
    if (h == SheetHeight::Peek) return peek;
    if (h == SheetHeight::Half) return std::clamp(display.y * 0.5f, peek, full);
    return full;
}

void draw_sheet(UiContext& ui) {
    if (!ui.state) return;
    UiState& st = *ui.state;
    const Atlas& a = ui.atlas;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // A new selection shows its details (a tour's selections leave the sheet as it is: the map is the story).
    if (a.selected() != st.sheet_seen_selected) {
        if (a.selected() >= 0 && a.tour() < 0 && st.sheet_tab != "Links") {
            st.sheet_tab = "Details";
            if (st.sheet == SheetHeight::Peek) st.sheet = SheetHeight::Half;
        }
        st.sheet_seen_selected = a.selected();
    }
    const float stop = sheet_height(st.sheet, display, st.search_bottom);
    const float height = st.sheet_live_height >= 0 ? std::clamp(st.sheet_live_height, sheet_height(SheetHeight::Peek, display, st.search_bottom),
                                                                sheet_height(SheetHeight::Full, display, st.search_bottom))
                                                   : stop;
    st.sheet_top = display.y - height;
    const float rounding = ImGui::GetStyle().WindowRounding;  // the lower corners below the screen: only the upper ones round
    ImGui::SetNextWindowPos(ImVec2(0, st.sheet_top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(display.x, height + rounding), ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, kTopPadding));
    ImGui::Begin("###Sheet", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollWithMouse |
                                          ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    handle(ui, display);
    tabs(ui);
    const bool open = height > sheet_height(SheetHeight::Peek, display, st.search_bottom) + 4;
    // (open on Filters or on a city's Details, the content says it itself)
    if (!open || !(st.sheet_tab == "Filters" || (st.sheet_tab == "Details" && a.selected() >= 0))) summary(ui);
    if (open) {
        ImGui::Separator();
        ImGui::BeginChild("body", ImVec2(0, ImGui::GetContentRegionAvail().y - rounding), false);
        body(ui);
        finger_scroll(st);
        ImGui::EndChild();
    }
    ImGui::End();
}

}  // namespace atlas::ui
