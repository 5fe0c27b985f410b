package io.repovitals;

public final class Main {
    public static void main(String[] args) {
    }
}
