// Reads a binary file's bytes in order, never past their end: a read that would is refused and
// reads nothing. Numbers are little-endian (the basemap files) or big-endian (fonts). The bytes are
// in memory, or read from an open file a slice at a time as they are asked for.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace atlas {

class ByteReader {
public:
    enum class Order { LittleEndian, BigEndian };
    explicit ByteReader(std::string_view b, Order order = Order::LittleEndian) : b_(b), size_(b.size()), order_(order) {}
    // The `size` bytes of `file` from where it is, never more than a slice and the bytes a read
    // asks for in memory at once (the web's memory keeps its highest level for good).
    ByteReader(std::FILE* file, std::size_t size, Order order = Order::LittleEndian)
        : file_(file), size_(size), order_(order) {}
    bool u8(std::uint32_t& v) { return read(v, 1); }
    bool u16(std::uint32_t& v) { return read(v, 2); }
    bool u32(std::uint32_t& v) { return read(v, 4); }
    // An unsigned LEB128 number (7 bits a byte, low bits first) of at most 32 bits: a longer one, or
    // one cut short by the end, is refused.
    bool varint(std::uint32_t& v) {
        std::uint32_t value = 0;
        have(std::min<std::size_t>(5, remaining()));
        for (int i = 0; i < 5 && pos_ + std::size_t(i) < b_.size(); ++i) {
            const std::uint32_t byte = std::uint8_t(b_[pos_ + std::size_t(i)]);
            if (i == 4 && byte > 0x0f) return false;  // past 32 bits
            value |= (byte & 0x7f) << (7 * i);
            if (!(byte & 0x80)) {
                pos_ += std::size_t(i) + 1;
                v = value;
                return true;
            }
        }
        return false;
    }
    bool bytes(std::size_t n, std::string& out) {
        if (!have(n)) return false;
        out.assign(b_.substr(pos_, n));
        pos_ += n;
        return true;
    }
    bool skip(std::size_t n) {
        if (!have(n)) return false;
        pos_ += n;
        return true;
    }
    std::size_t remaining() const { return size_ - (base_ + pos_); }

private:
    static constexpr std::size_t kSlice = 16 << 10;
    // At least n bytes from pos_ in b_: a file's next slice read in after what is left unread (a file
    // that ends early, changed since its size was taken, ends there).
    bool have(std::size_t n) {
        if (b_.size() - pos_ >= n) return true;
        if (!file_ || remaining() < n) return false;
        buffer_.erase(0, pos_);
        base_ += pos_, pos_ = 0;
        const std::size_t kept = buffer_.size(), want = std::min(remaining(), std::max(n, kSlice));
        buffer_.resize(want);
        buffer_.resize(kept + std::fread(buffer_.data() + kept, 1, want - kept, file_));
        if (buffer_.size() < want) size_ = base_ + buffer_.size();
        b_ = buffer_;
        return b_.size() >= n;
    }
    bool read(std::uint32_t& v, int n) {
        if (!have(std::size_t(n))) return false;
        v = 0;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t byte = std::uint8_t(b_[pos_ + std::size_t(i)]);
            v = order_ == Order::LittleEndian ? v | byte << (8 * i) : v << 8 | byte;
        }
        pos_ += std::size_t(n);
        return true;
    }
    std::FILE* file_ = nullptr;
    std::string buffer_;  // a file's slice (b_ views it)
    std::string_view b_;  // the bytes in memory, b_[pos_] the next
    std::size_t size_;    // every byte's count, base_ of them before b_
    std::size_t base_ = 0;
    Order order_;
    std::size_t pos_ = 0;
};

}  // namespace atlas
