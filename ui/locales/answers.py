"""Why the room store refused a student's answer: ``answers.error.<reason>`` for every RoomError
reason an answer can meet (ui.classroom.answers.refusal gives the key and its values)."""

EN: dict[str, str] = {
    "answers.error.closed": "The teacher has already ended this question, so your answer was not sent. Watch the projector for the class's answers.",
    "answers.error.bad_answer": "This answer could not be taken: it is outside the graph, not a finite number, or a curve of more than {points} points. Try again within the graph.",
    "answers.error.no_question": "This question is no longer in the class, so your answer was not sent. Wait for the teacher's next question.",
    "answers.error.too_many_answers": "This question already has {max} answers, the most one question can take, so your answer was not counted.",
    "answers.error.unknown": "This class has ended, so your answer was not sent.",
    "answers.error.store_unavailable": "The class server cannot be reached right now, so your answer was not sent. Try again in a moment.",
    "answers.error.other": "Your answer could not be sent. Try again in a moment.",
}

KO: dict[str, str] = {
    "answers.error.closed": "선생님이 이 질문을 이미 끝내서 답을 보내지 못했습니다. 반 전체의 답은 화면에서 함께 보세요.",
    "answers.error.bad_answer": "이 답은 받을 수 없습니다. 그래프 바깥의 값이거나 유한한 수가 아니거나, 점이 {points}개보다 많은 곡선입니다. 그래프 안에서 다시 답해 보세요.",
    "answers.error.no_question": "이 질문은 이제 수업에 없어서 답을 보내지 못했습니다. 선생님의 다음 질문을 기다려 주세요.",
    "answers.error.too_many_answers": "이 질문에는 받을 수 있는 최대 개수인 {max}개의 답이 이미 모였습니다. 그래서 이 답은 세지 않았습니다.",
    "answers.error.unknown": "수업이 끝나서 답을 보내지 못했습니다.",
    "answers.error.store_unavailable": "지금은 수업 공유 서버에 연결할 수 없어 답을 보내지 못했습니다. 잠시 뒤에 다시 보내 보세요.",
    "answers.error.other": "답을 보내지 못했습니다. 잠시 뒤에 다시 보내 보세요.",
}
