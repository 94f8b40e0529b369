package dev.mallard.storage.file;

import dev.mallard.MallardException;

/** Reads a {@link ByteStreamOutput}'s bytes back; reading past the end is damage. */
public final class ByteStreamInput implements StreamInput {
    private final byte[] data;
    private final String source;
    private int at;

    /** @param source names where the bytes came from, for error messages */
    public ByteStreamInput(byte[] data, String source) {
        this.data = data;
        this.source = source;
    }

    public boolean atEnd() {
        return at == data.length;
    }

    private int take(int n) {
        if (data.length - at < n) throw damaged("a value cut off at byte " + at);
        int p = at;
        at += n;
        return p;
    }

    @Override
    public int readByte() {
        return data[take(1)];
    }

    @Override
    public int readShort() {
        int p = take(2);
        return (short) ((data[p] & 0xFF) | (data[p + 1] << 8));
    }

    @Override
    public int readInt() {
        int p = take(4);
        int v = 0;
        for (int i = 0; i < 4; i++) v |= (data[p + i] & 0xFF) << (8 * i);
        return v;
    }

    @Override
    public long readLong() {
        int p = take(8);
        long v = 0;
        for (int i = 0; i < 8; i++) v |= (data[p + i] & 0xFFL) << (8 * i);
        return v;
    }

    @Override
    public void readBytes(byte[] a, int from, int length) {
        System.arraycopy(data, take(length), a, from, length);
    }

    @Override
    public MallardException damaged(String what) {
        return MallardException.Storage.corrupted(source + " has " + what + ": the file is damaged");
    }
}
