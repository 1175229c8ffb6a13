"""Strings of the network lab's training timeline and the zig-zag page's scrubbed step."""

EN: dict[str, str] = {
    "network.at": "Epoch shown",
    "network.at_help": "Drag to see the decision maps after that many epochs of the same training run: the page kept them while it trained, so nothing is trained again.",
    "network.at_text": "epoch {epoch} / {epochs}",
    "network.timeline": "Decision maps after {epoch} of {epochs} epochs: drag the epoch slider on the picture to watch the boundaries form.",
}

KO: dict[str, str] = {
    "network.at": "보여 줄 에포크",
    "network.at_help": "끌면 같은 학습에서 그 에포크만큼 학습한 신경망의 결정 영역을 보여 줍니다. 학습하는 동안 저장해 둔 결정 영역이라 다시 학습하지 않습니다.",
    "network.at_text": "에포크 {epoch} / {epochs}",
    "network.timeline": "전체 {epochs} 에포크 가운데 {epoch} 에포크까지 학습한 뒤의 결정 영역입니다. 그래프 위의 에포크 슬라이더를 끌면 경계가 만들어지는 과정을 볼 수 있습니다.",
}
