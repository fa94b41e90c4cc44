public enum QRImaging {}
